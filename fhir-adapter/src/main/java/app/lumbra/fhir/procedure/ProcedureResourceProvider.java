package app.lumbra.fhir.procedure;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.exchange.application.SessionStatement;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.ValidationOutcomes;
import app.lumbra.fhir.support.VersionHistory;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.session.application.SessionPage;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.domain.SessionCriteria;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Procedure;

/**
 * FHIR {@code Procedure} (performed treatment sessions, OBS-3): read, vread, create (a planned or
 * an attended session), update (attended / missed / cancelled, If-Match honoured), search.
 */
@ApplicationScoped
public class ProcedureResourceProvider implements IResourceProvider {

  private SessionService sessions;
  private CarePlanService plans;
  private FhirSettings settings;
  private VersionHistory history;
  private ProcedureWrites writes;
  private ClinicalContext context;
  private Validator validator;

  /** For the CDI proxy only. */
  protected ProcedureResourceProvider() {}

  @Inject
  public ProcedureResourceProvider(
      SessionService sessions,
      CarePlanService plans,
      FhirSettings settings,
      Validator validator,
      VersionHistory history,
      ProcedureWrites writes,
      ClinicalContext context) {
    this.writes = writes;
    this.context = context;
    this.sessions = sessions;
    this.plans = plans;
    this.settings = settings;
    this.history = history;
    this.validator = validator;
  }

  @Override
  public Class<Procedure> getResourceType() {
    return Procedure.class;
  }

  @Read(version = true)
  public Procedure read(@IdParam IdType id) {
    return context.readOr(
        Procedure.class,
        id,
        () ->
            history.version(
                id, ProcedureFhirMapper.toFhir(sessions.get(id.getIdPart())), Procedure.class));
  }

  @History
  public List<Procedure> history(@IdParam IdType id) {
    return context.historyOr(
        Procedure.class,
        id,
        () ->
            history.of(ProcedureFhirMapper.toFhir(sessions.get(id.getIdPart())), Procedure.class));
  }

  @History
  public IBundleProvider typeHistory(
      @Since InstantType since, @Offset Integer offset, @Count Integer count) {
    return history.ofType(
        "Procedure", Procedure.class, since, settings.offset(offset), settings.pageSize(count));
  }

  /**
   * A massage session is Lumbra's; any other procedure is the patient's clinical context ({@link
   * ProcedureWrites}).
   */
  @Create
  public MethodOutcome create(@ResourceParam Procedure resource) {
    return writes.create(resource);
  }

  // Procedure.status as the mapper emits it: preparation (planned), completed (attended),
  // not-done (missed or cancelled). Other valid FHIR statuses match no session.
  private static Set<SessionStatus> statuses(TokenOrListParam status) {
    if (status == null) {
      return Set.of();
    }
    Set<SessionStatus> statuses = EnumSet.noneOf(SessionStatus.class);
    for (TokenParam token : status.getValuesAsQueryTokens()) {
      switch (token.getValue() == null ? "" : token.getValue()) {
        case "preparation" -> statuses.add(SessionStatus.PLANNED);
        case "completed" -> statuses.add(SessionStatus.ATTENDED);
        case "not-done" ->
            statuses.addAll(EnumSet.of(SessionStatus.MISSED, SessionStatus.CANCELLED));
        case "in-progress", "on-hold", "stopped", "entered-in-error", "unknown" -> {}
        default ->
            throw new InvalidValueException(
                "status",
                token.getValue(),
                "preparation, in-progress, not-done, on-hold, stopped, completed,"
                    + " entered-in-error or unknown");
      }
    }
    return statuses;
  }

  // Every session is a massage: SNOMED CT 387854002 or Lumbra's own code, with or without system.
  private static boolean isMassage(TokenOrListParam code) {
    for (TokenParam token : code.getValuesAsQueryTokens()) {
      if (codes(token, Terminology.SNOMED, Terminology.SNOMED_MASSAGE)
          || codes(token, Terminology.LUMBRA, Terminology.MASSAGE_THERAPY)) {
        return true;
      }
    }
    return false;
  }

  private static boolean codes(TokenParam token, String system, String code) {
    boolean anySystem = token.getSystem() == null || token.getSystem().isEmpty();
    return (anySystem || system.equals(token.getSystem())) && code.equals(token.getValue());
  }

  private static SessionCriteria.Order order(SortSpec sort) {
    String key = Sorting.of("Procedure", sort);
    if (key == null) {
      return SessionCriteria.Order.DATE;
    }
    return switch (key) {
      case "-date" -> SessionCriteria.Order.DATE_DESCENDING;
      case "status" -> SessionCriteria.Order.STATUS;
      case "-status" -> SessionCriteria.Order.STATUS_DESCENDING;
      case "_lastUpdated" -> SessionCriteria.Order.LAST_UPDATED;
      case "-_lastUpdated" -> SessionCriteria.Order.LAST_UPDATED_DESCENDING;
      default -> SessionCriteria.Order.DATE;
    };
  }

  /** OBS-3: a planned session moves once, to attended, missed or cancelled; a new id creates. */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Procedure resource) {
    return writes.update(id, resource);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Procedure.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Procedure.SP_DATE) DateRangeParam date,
      @OptionalParam(name = Procedure.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Procedure.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Procedure.SP_BASED_ON) ReferenceOrListParam basedOn,
      @OptionalParam(name = "_total") StringParam total,
      @IncludeParam(allow = {"Procedure:based-on"}) Set<Include> includes,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    Set<SessionStatus> statuses = statuses(status);
    DateRanges.Range<OffsetDateTime> when = DateRanges.instants("date", date);
    ReferenceParam who = patient != null ? patient : subject;
    Set<String> planIds = new LinkedHashSet<>();
    if (basedOn != null) {
      basedOn.getValuesAsQueryTokens().forEach(reference -> planIds.add(reference.getIdPart()));
    }
    // FHIR-9: every session is a massage in one of three statuses; other codes and statuses are
    // only the clinical context's.
    boolean sessionsMayMatch =
        !(status != null && statuses.isEmpty()) && !(code != null && !isMassage(code));
    SessionPage page =
        sessionsMayMatch
            ? sessions.search(
                new SessionCriteria(
                    who == null ? null : who.getIdPart(),
                    planIds,
                    statuses,
                    when.from(),
                    when.before(),
                    order(sort)),
                first,
                size)
            : new SessionPage(List.of(), first, size, 0);
    List<IAnyResource> included =
        includes != null && !includes.isEmpty()
            ? page.sessions().stream()
                .map(SessionView::carePlanId)
                .filter(Objects::nonNull)
                .distinct()
                .map(planId -> (IAnyResource) CarePlanFhirMapper.toFhir(plans.get(planId)))
                .toList()
            : List.of();
    Map<String, List<ContextCriteria.TokenMatch>> tokens =
        code == null ? Map.of() : Map.of("code", ClinicalContext.matches(code));
    return context.after(
        page.sessions().stream().map(ProcedureFhirMapper::toFhir).toList(),
        page.total(),
        included,
        basedOn != null
            ? null
            : new ContextCriteria(
                "Procedure",
                who == null ? null : who.getIdPart(),
                tokens,
                ClinicalContext.codes(status),
                when.from(),
                when.before(),
                null,
                null,
                false),
        first,
        size);
  }

  /** {@code $validate}: the session is checked as it would be read, nothing stored. */
  @Validate
  public MethodOutcome validate(@ResourceParam Procedure resource) {
    return ValidationOutcomes.of(
        () -> {
          SessionStatement data = ProcedureFhirMapper.toDomain(resource);
          return data.performedAt() == null
              ? List.of()
              : ValidationOutcomes.valid(validator, data.performed());
        });
  }
}
