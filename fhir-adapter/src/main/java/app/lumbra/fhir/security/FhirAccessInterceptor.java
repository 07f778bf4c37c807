package app.lumbra.fhir.security;

import app.lumbra.fhir.security.SmartScopes.Context;
import app.lumbra.fhir.security.SmartScopes.Interaction;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Guards every FHIR interaction but {@code /metadata}: a verified bearer token (401 otherwise),
 * SMART scopes allowing the resource type and interaction (403 otherwise), and for patient-context
 * scopes the patient of the token's {@code patient} claim. The last is checked twice: before the
 * call (a Patient id, a resource to store) and on everything about to be sent (read, search, {@code
 * _include}, {@code _revinclude}, {@code $everything}, history, pages), so a response holding
 * anything outside the token's reach is refused whole and nothing leaks. {@code user/} scopes are
 * confined the same way to the patients of the care team of the account named by {@code sub}. The
 * entries of transaction and batch Bundles are checked one by one, as requests of their own would
 * be ({@link #entryGuard}).
 */
@Interceptor
public class FhirAccessInterceptor {

  /** Where the verified token is kept in the request's user data. */
  public static final String TOKEN = FhirAccessInterceptor.class.getName() + ".token";

  private static final String ENTRY_GUARD = FhirAccessInterceptor.class.getName() + ".entries";

  private static final Set<String> WITHOUT_PATIENT_DATA =
      Set.of(
          "OperationOutcome",
          "CapabilityStatement",
          "CodeSystem",
          "StructureDefinition",
          "Questionnaire",
          "Bundle");
  private static final int UNAUTHORIZED = 401;

  /**
   * A Group lists other patients beside the token's own: a patient/ scope reaches none, where it
   * would otherwise reach every Group its patient is a member of.
   */
  private static final String GROUP_NOT_FOR_PATIENTS =
      "A patient/ scope cannot reach Group: a group lists other patients";

  private final TokenVerifier verifier;
  private final FhirContext fhir;
  private final PatientVisibility careTeams;

  public FhirAccessInterceptor(
      TokenVerifier verifier, FhirContext fhir, PatientVisibility careTeams) {
    this.verifier = verifier;
    this.fhir = fhir;
    this.careTeams = careTeams;
  }

  /**
   * The guard a transaction or batch Bundle runs each entry past: set when the Bundle request was
   * authorized; {@link BundleEntryGuard#NONE} on a server without this interceptor.
   */
  public static BundleEntryGuard entryGuard(RequestDetails request) {
    Object guard = request == null ? null : request.getUserData().get(ENTRY_GUARD);
    return guard == null ? BundleEntryGuard.NONE : (BundleEntryGuard) guard;
  }

  /** The verified token of this request, or null before authentication or on /metadata. */
  public static AccessToken token(RequestDetails request) {
    return request == null ? null : (AccessToken) request.getUserData().get(TOKEN);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean authenticate(RequestDetails request) {
    if (isOpen(request)) {
      return true;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("A bearer token is required (Authorization: Bearer …)", null);
    }
    try {
      request.getUserData().put(TOKEN, verifier.verify(header.substring(7).trim()));
    } catch (InvalidTokenException e) {
      throw unauthorized(e.getMessage(), "invalid_token");
    }
    return true;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void authorize(RequestDetails request, RestOperationTypeEnum operation) {
    AccessToken token = token(request);
    if (token == null) {
      if (operation == RestOperationTypeEnum.METADATA) {
        return;
      }
      throw unauthorized("A bearer token is required (Authorization: Bearer …)", null);
    }
    if (request.getOperation() != null && request.getOperation().startsWith("$export")) {
      // Bulk Data: the export provider checks system/ scopes for every type an export holds.
      return;
    }
    String type = request.getResourceName();
    if (("CodeSystem".equals(type)
            || "StructureDefinition".equals(type)
            || "Questionnaire".equals(type))
        && !isWrite(operation)) {
      // Terminology, extension definitions and forms hold no patient data: any valid token may
      // read them (a patient app needs the Questionnaire it fills in).
      return;
    }
    switch (operation) {
      case TRANSACTION, BATCH -> {
        // Each entry is checked on its own as it runs: see entryGuard.
        if (token.scopes().grants().isEmpty()) {
          throw forbidden(
              "A " + operation.getCode() + " Bundle needs resource scopes for its entries");
        }
        request.getUserData().put(ENTRY_GUARD, new EntryGuard(token));
      }
      case GET_PAGE, SEARCH_SYSTEM, HISTORY_SYSTEM -> {
        if (!token.scopes().allowsAny(Interaction.SEARCH)) {
          throw forbidden("The token's scopes allow no search");
        }
      }
      default -> authorizeOnType(request, operation, token, type);
    }
  }

  private void authorizeOnType(
      RequestDetails request, RestOperationTypeEnum operation, AccessToken token, String type) {
    if (type == null) {
      throw forbidden("Operation " + operation.getCode() + " is not allowed to tokens");
    }
    authorizeInteraction(
        token, type, interaction(operation), request.getId(), request.getResource());
  }

  /**
   * Whether {@code token} may run {@code interaction} on {@code type}: the resource {@code id} it
   * names (if any) and the {@code incoming} resource it writes (if any) must be in the token's
   * reach. The same check for a single request and for one entry of a Bundle.
   */
  private void authorizeInteraction(
      AccessToken token, String type, Interaction interaction, IIdType id, IBaseResource incoming) {
    Context context =
        token
            .scopes()
            .allows(type, interaction)
            .orElseThrow(
                () ->
                    forbidden(
                        "The token's scopes do not allow "
                            + interaction.name().toLowerCase(Locale.ROOT)
                            + " on "
                            + type));
    if (context == Context.USER) {
      authorizeUser(token, type, interaction, id, incoming);
      return;
    }
    if (context != Context.PATIENT) {
      return;
    }
    if ("Group".equals(type)) {
      throw forbidden(GROUP_NOT_FOR_PATIENTS);
    }
    if (token.patient() == null) {
      throw forbidden("A patient/ scope needs the token's patient claim");
    }
    if ("Patient".equals(type)
        && id != null
        && id.hasIdPart()
        && !token.patient().equals(id.getIdPart())) {
      throw forbidden("The token is confined to patient " + token.patient());
    }
    if (interaction == Interaction.CREATE || interaction == Interaction.UPDATE) {
      if (incoming == null || !inCompartment(incoming, token.patient())) {
        throw forbidden("The token may only write data of patient " + token.patient());
      }
    }
    if (interaction == Interaction.DELETE && !"Patient".equals(type)) {
      throw forbidden("A patient/ scope cannot delete " + type);
    }
  }

  /** A user/ token reaches only the patients of its user's care team. */
  private void authorizeUser(
      AccessToken token, String type, Interaction interaction, IIdType id, IBaseResource incoming) {
    if ("Patient".equals(type)
        && id != null
        && id.hasIdPart()
        && !careTeams.userMaySee(token.subject(), id.getIdPart())) {
      throw forbidden("The patient belongs to another care team");
    }
    if (interaction == Interaction.CREATE || interaction == Interaction.UPDATE) {
      if (incoming == null || !visibleToUser(incoming, token)) {
        throw forbidden("The data belongs to a patient of another care team");
      }
    }
  }

  private boolean visibleToUser(IBaseResource resource, AccessToken token) {
    String type = fhir.getResourceType(resource);
    if ("Patient".equals(type)) {
      String id = resource.getIdElement() == null ? null : resource.getIdElement().getIdPart();
      return id == null || careTeams.userMaySee(token.subject(), id);
    }
    for (IIdType owner :
        fhir.newTerser().getCompartmentOwnersForResource("Patient", resource, Set.of())) {
      if (owner.hasIdPart() && !careTeams.userMaySee(token.subject(), owner.getIdPart())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs on everything about to be sent: each resource in it must be of a type the token may read,
   * and in the token's patient for patient-context tokens.
   */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean inspectResponse(
      RequestDetails request, IBaseResource response, ResponseDetails details) {
    AccessToken token = token(request);
    if (token == null || response == null) {
      return true;
    }
    if (isWrite(request.getRestOperationType())
        && !WITHOUT_PATIENT_DATA.contains(fhir.getResourceType(response))
        && readContext(token, fhir.getResourceType(response)).isEmpty()) {
      // Stored, but the token may not read it back: the answer says so instead of showing it.
      details.setResponseResource(
          outcome(
              IssueSeverity.INFORMATION,
              IssueType.INFORMATIONAL,
              "Stored; the token's scopes do not allow reading "
                  + fhir.getResourceType(response)
                  + " back"));
      return true;
    }
    for (IBaseResource resource : resourcesIn(response)) {
      String type = fhir.getResourceType(resource);
      if (WITHOUT_PATIENT_DATA.contains(type)) {
        continue;
      }
      Context context =
          readContext(token, type)
              .orElseThrow(() -> forbidden("The token's scopes do not allow reading " + type));
      requireInReach(token, context, resource);
    }
    return true;
  }

  private static Optional<Context> readContext(AccessToken token, String type) {
    return token
        .scopes()
        .allows(type, Interaction.READ)
        .or(() -> token.scopes().allows(type, Interaction.SEARCH));
  }

  private void requireInReach(AccessToken token, Context context, IBaseResource resource) {
    if (context == Context.USER && !visibleToUser(resource, token)) {
      throw forbidden("The response holds data of a patient of another care team");
    }
    if (context == Context.PATIENT && "Group".equals(fhir.getResourceType(resource))) {
      throw forbidden(GROUP_NOT_FOR_PATIENTS);
    }
    if (context == Context.PATIENT
        && (token.patient() == null || !inCompartment(resource, token.patient()))) {
      throw forbidden(
          "The response holds data outside patient "
              + token.patient()
              + ", to which the token is confined");
    }
  }

  /** The checks of a single request, applied to one entry of a Bundle for one token. */
  private final class EntryGuard implements BundleEntryGuard {
    private final AccessToken token;

    EntryGuard(AccessToken token) {
      this.token = token;
    }

    @Override
    public void beforeEntry(
        String type, Interaction interaction, IIdType id, IBaseResource incoming) {
      if (type == null || type.isBlank()) {
        throw forbidden("The entry names no resource type the token's scopes could allow");
      }
      authorizeInteraction(token, type, interaction, id, incoming);
    }

    @Override
    public IBaseResource afterEntry(IBaseResource answered, boolean written) {
      if (answered == null) {
        return null;
      }
      String type = fhir.getResourceType(answered);
      Optional<Context> context = readContext(token, type);
      if (context.isEmpty()) {
        if (written) {
          return null; // Stored, but the token may not read it back: the entry answers bodiless.
        }
        throw forbidden("The token's scopes do not allow reading " + type);
      }
      requireInReach(token, context.get(), answered);
      return answered;
    }
  }

  private List<IBaseResource> resourcesIn(IBaseResource response) {
    List<IBaseResource> resources = new ArrayList<>();
    resources.add(response);
    if (response instanceof IBaseBundle bundle) {
      resources.addAll(BundleUtil.toListOfResources(fhir, bundle));
    }
    return resources;
  }

  private boolean inCompartment(IBaseResource resource, String patient) {
    String type = fhir.getResourceType(resource);
    if ("Patient".equals(type)) {
      return resource.getIdElement() != null && patient.equals(resource.getIdElement().getIdPart());
    }
    FhirTerser terser = fhir.newTerser();
    return terser.isSourceInCompartmentForTarget(
        "Patient", resource, new IdType("Patient", patient));
  }

  private static boolean isOpen(RequestDetails request) {
    String path = request.getRequestPath();
    return request.getRestOperationType() == RestOperationTypeEnum.METADATA
        || "metadata".equals(path);
  }

  private static Interaction interaction(RestOperationTypeEnum operation) {
    return switch (operation) {
      case CREATE -> Interaction.CREATE;
      case UPDATE, PATCH -> Interaction.UPDATE;
      case DELETE -> Interaction.DELETE;
      case SEARCH_TYPE, HISTORY_TYPE -> Interaction.SEARCH;
      default -> Interaction.READ;
    };
  }

  static BaseServerResponseException unauthorized(String message, String error) {
    UnclassifiedServerFailureException exception =
        new UnclassifiedServerFailureException(UNAUTHORIZED, message);
    exception.addResponseHeader(
        "WWW-Authenticate",
        "Bearer realm=\"lumbra\"" + (error == null ? "" : ", error=\"" + error + "\""));
    exception.setOperationOutcome(outcome(IssueType.LOGIN, message));
    return exception;
  }

  static ForbiddenOperationException forbidden(String message) {
    ForbiddenOperationException exception = new ForbiddenOperationException(message);
    exception.setOperationOutcome(outcome(IssueType.FORBIDDEN, message));
    return exception;
  }

  private static OperationOutcome outcome(IssueType type, String message) {
    return outcome(IssueSeverity.ERROR, type, message);
  }

  private static OperationOutcome outcome(IssueSeverity severity, IssueType type, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(message);
    return outcome;
  }

  private static boolean isWrite(RestOperationTypeEnum operation) {
    return operation == RestOperationTypeEnum.CREATE
        || operation == RestOperationTypeEnum.UPDATE
        || operation == RestOperationTypeEnum.PATCH;
  }
}
