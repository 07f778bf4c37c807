package app.lumbra.fhir.system;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.exchange.application.AllOrNothing;
import app.lumbra.fhir.security.AccessToken;
import app.lumbra.fhir.security.FhirAccessInterceptor;
import app.lumbra.fhir.server.ErrorTranslationInterceptor;
import app.lumbra.fhir.server.PlainProvider;
import app.lumbra.shared.DomainException;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/**
 * FHIR-2 transaction and batch Bundles at the server base. A transaction runs every entry in one
 * JTA transaction: one bad entry and nothing is stored, and the error names the entry; two entries
 * writing the same resource are refused with 400 before anything runs. A batch runs each entry on
 * its own and reports each outcome. Each entry must be allowed by the token's scopes as a request
 * of its own; a refused entry refuses a transaction whole (403) and gets its own 403 in a batch,
 * and is recorded in the audit trail either way.
 */
@ApplicationScoped
public class BundleProvider implements PlainProvider {

  /** Creates first, in dependency order, so urn:uuid references resolve; then updates, reads. */
  private static final List<String> CREATE_ORDER =
      List.of("Patient", "Condition", "CarePlan", "Goal", "Procedure", "Observation");

  private BundleEntries entries;
  private AllOrNothing allOrNothing;
  private AuditTrail audit;

  /** For the CDI proxy only. */
  protected BundleProvider() {}

  @Inject
  public BundleProvider(BundleEntries entries, AllOrNothing allOrNothing, AuditTrail audit) {
    this.entries = entries;
    this.allOrNothing = allOrNothing;
    this.audit = audit;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
    if (bundle.getType() == Bundle.BundleType.TRANSACTION) {
      refuseOverlaps(bundle);
      return allOrNothing.run(() -> all(bundle, request));
    }
    if (bundle.getType() == Bundle.BundleType.BATCH) {
      return each(bundle, request);
    }
    throw new InvalidValueException(
        "Bundle.type",
        bundle.getType() == null ? null : bundle.getType().toCode(),
        "transaction or batch");
  }

  private Bundle all(Bundle bundle, RequestDetails request) {
    BundleState state = new BundleState(request, true, FhirAccessInterceptor.entryGuard(request));
    BundleEntryComponent[] responses = new BundleEntryComponent[bundle.getEntry().size()];
    for (int index : processingOrder(bundle)) {
      try {
        responses[index] = entries.process(index, bundle.getEntry().get(index), state);
      } catch (DomainException
          | BaseServerResponseException
          | ConstraintViolationException
          | TransactionalException failed) {
        // Rethrown so the whole transaction rolls back; the outcome names the entry that failed.
        BaseServerResponseException error = ErrorTranslationInterceptor.translate(failed, false);
        auditRefusal(request, index, bundle.getEntry().get(index), error);
        throw naming(index, error);
      }
    }
    return response(Bundle.BundleType.TRANSACTIONRESPONSE, responses);
  }

  private Bundle each(Bundle bundle, RequestDetails request) {
    BundleState state = new BundleState(request, false, FhirAccessInterceptor.entryGuard(request));
    BundleEntryComponent[] responses = new BundleEntryComponent[bundle.getEntry().size()];
    for (int index : processingOrder(bundle)) {
      try {
        responses[index] = entries.process(index, bundle.getEntry().get(index), state);
      } catch (DomainException
          | BaseServerResponseException
          | ConstraintViolationException
          | TransactionalException failed) {
        BaseServerResponseException error = ErrorTranslationInterceptor.translate(failed, false);
        auditRefusal(request, index, bundle.getEntry().get(index), error);
        BundleEntryComponent response = new BundleEntryComponent();
        response
            .getResponse()
            .setStatus(Integer.toString(error.getStatusCode()))
            .setOutcome((OperationOutcome) error.getOperationOutcome());
        responses[index] = response;
      }
    }
    return response(Bundle.BundleType.BATCHRESPONSE, responses);
  }

  /**
   * FHIR R4 http.html#trules: "If any resource identities (including resolved identities from
   * conditional update/delete) overlap in steps 1-3 [DELETE, POST, PUT/PATCH], then the transaction
   * SHALL fail." Two writes of one identity (the same {@code Type/id} in two PUT urls, or the same
   * fullUrl on two written entries) are refused with 400 naming both entries, before anything is
   * stored. Different resources of one care plan (a CarePlan and its Goals) are different
   * identities and are written one after the other, each as a new plan version.
   */
  private static void refuseOverlaps(Bundle bundle) {
    Map<String, Integer> written = new HashMap<>();
    for (int index = 0; index < bundle.getEntry().size(); index++) {
      BundleEntryComponent entry = bundle.getEntry().get(index);
      Bundle.HTTPVerb verb = entry.getRequest().getMethod();
      if (verb != Bundle.HTTPVerb.POST && verb != Bundle.HTTPVerb.PUT) {
        continue;
      }
      Set<String> identities = new LinkedHashSet<>();
      if (entry.hasFullUrl()) {
        identities.add(entry.getFullUrl());
      }
      if (verb == Bundle.HTTPVerb.PUT && entry.getRequest().hasUrl()) {
        IdType id = new IdType(entry.getRequest().getUrl());
        if (id.hasResourceType() && id.hasIdPart()) {
          identities.add(id.getResourceType() + "/" + id.getIdPart());
        }
      }
      for (String identity : identities) {
        Integer earlier = written.putIfAbsent(identity, index);
        if (earlier != null && earlier != index) {
          throw overlap(identity, earlier, index);
        }
      }
    }
  }

  private static InvalidRequestException overlap(String identity, int first, int second) {
    String message =
        "Bundle.entry["
            + first
            + "] and Bundle.entry["
            + second
            + "] both write "
            + identity
            + "; a transaction may write each resource once (FHIR R4 http.html#trules):"
            + " merge the two entries";
    InvalidRequestException error = new InvalidRequestException(message);
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.DUPLICATE)
        .setDiagnostics(message)
        .addExpression("Bundle.entry[" + first + "]")
        .addExpression("Bundle.entry[" + second + "]");
    error.setOperationOutcome(outcome);
    return error;
  }

  /**
   * An entry refused for want of a right is recorded on its own, naming the entry (the request
   * itself is recorded too, as every FHIR request is).
   */
  private void auditRefusal(
      RequestDetails request,
      int index,
      BundleEntryComponent entry,
      BaseServerResponseException error) {
    int status = error.getStatusCode();
    if (status != 401 && status != 403) {
      return;
    }
    AccessToken token = FhirAccessInterceptor.token(request);
    String method =
        entry.getRequest().getMethod() == null ? "?" : entry.getRequest().getMethod().toCode();
    String url = entry.getRequest().getUrl();
    audit.record(
        new RecordAccess(
            "FHIR",
            token == null ? "anonymous" : token.who(),
            "bundle-entry",
            "Bundle.entry[" + index + "] " + method + " " + url,
            patientOf(entry),
            AccessOutcome.DENIED,
            status,
            error.getMessage()));
  }

  /** The patient an entry is about, when its url or its resource's subject names one. */
  private static String patientOf(BundleEntryComponent entry) {
    String url = entry.getRequest().getUrl();
    if (url != null && url.startsWith("Patient/")) {
      return new IdType(url).getIdPart();
    }
    if (entry.getResource() != null) {
      for (String path : new String[] {"subject", "patient"}) {
        var property = entry.getResource().getNamedProperty(path);
        if (property != null
            && property.hasValues()
            && property.getValues().get(0) instanceof Reference reference
            && reference.getReference() != null
            && reference.getReference().startsWith("Patient/")) {
          return new IdType(reference.getReference()).getIdPart();
        }
      }
    }
    return null;
  }

  private static BaseServerResponseException naming(int index, BaseServerResponseException error) {
    OperationOutcome outcome = (OperationOutcome) error.getOperationOutcome();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      issue.setDiagnostics("Bundle.entry[" + index + "]: " + issue.getDiagnostics());
      issue.addExpression("Bundle.entry[" + index + "]");
    }
    return error;
  }

  private static List<Integer> processingOrder(Bundle bundle) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> rank(bundle.getEntry().get(i))));
    return order;
  }

  private static int rank(BundleEntryComponent entry) {
    Bundle.HTTPVerb verb = entry.getRequest().getMethod();
    if (verb == Bundle.HTTPVerb.POST) {
      int type = entry.hasResource() ? CREATE_ORDER.indexOf(entry.getResource().fhirType()) : -1;
      return type < 0 ? CREATE_ORDER.size() : type;
    }
    return verb == Bundle.HTTPVerb.PUT ? CREATE_ORDER.size() + 1 : CREATE_ORDER.size() + 2;
  }

  private static Bundle response(Bundle.BundleType type, BundleEntryComponent[] responses) {
    Bundle response = new Bundle();
    response.setType(type);
    for (BundleEntryComponent entry : responses) {
      response.addEntry(entry);
    }
    return response;
  }
}
