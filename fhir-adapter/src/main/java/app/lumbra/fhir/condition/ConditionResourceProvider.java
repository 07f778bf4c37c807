package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionPage;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.domain.ConditionOrder;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.ValidationOutcomes;
import app.lumbra.fhir.support.VersionHistory;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.PageRequest;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
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
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * FHIR {@code Condition}: low-back pain (Lumbra's own, with its rules) and the patient's other
 * conditions (kept as clinical context): read, vread, create, update, search.
 */
@ApplicationScoped
public class ConditionResourceProvider implements IResourceProvider {

  private ConditionService conditions;
  private FhirSettings settings;
  private VersionHistory history;
  private ConditionWrites writes;
  private ClinicalContext context;
  private Validator validator;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ConditionResourceProvider() {}

  @Inject
  public ConditionResourceProvider(
      ConditionService conditions,
      FhirSettings settings,
      Validator validator,
      VersionHistory history,
      ConditionWrites writes,
      ClinicalContext context,
      Clock clock) {
    this.conditions = conditions;
    this.settings = settings;
    this.history = history;
    this.validator = validator;
    this.writes = writes;
    this.context = context;
    this.clock = clock;
  }

  @Override
  public Class<Condition> getResourceType() {
    return Condition.class;
  }

  @Read(version = true)
  public Condition read(@IdParam IdType id) {
    if (context.has("Condition", id.getIdPart())) {
      Long version = Versions.expected(id);
      return (Condition)
          (version == null
              ? context.read("Condition", id.getIdPart()).orElseThrow()
              : context.version("Condition", id.getIdPart(), version));
    }
    return history.version(
        id, ConditionFhirMapper.toFhir(conditions.get(id.getIdPart())), Condition.class);
  }

  @History
  public List<Condition> history(@IdParam IdType id) {
    if (context.has("Condition", id.getIdPart())) {
      return Pages.asHistory(
          context.history("Condition", id.getIdPart()).stream()
              .map(Condition.class::cast)
              .toList());
    }
    return history.of(ConditionFhirMapper.toFhir(conditions.get(id.getIdPart())), Condition.class);
  }

  @History
  public IBundleProvider typeHistory(
      @Since InstantType since, @Offset Integer offset, @Count Integer count) {
    return history.ofType(
        "Condition", Condition.class, since, settings.offset(offset), settings.pageSize(count));
  }

  /** Create ({@link ConditionWrites#create}). */
  @Create
  public MethodOutcome create(@ResourceParam Condition resource) {
    return writes.create(resource);
  }

  /** Update ({@link ConditionWrites#update}). */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Condition resource) {
    return writes.update(id, resource);
  }

  /**
   * FHIR-3, FHIR-9: low-back pain and the patient's other conditions are searched alike, by
   * patient, category, clinical status, code, onset date and {@code _lastUpdated} (US Core 8.0.0's
   * combinations with the patient). Lumbra's own conditions come first, then the context.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Condition.SP_CATEGORY) TokenOrListParam category,
      @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
      @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Condition.SP_ONSET_DATE) DateRangeParam onsetDate,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
      @OptionalParam(name = "_total") StringParam total,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    ReferenceParam who = patient != null ? patient : subject;
    String patientId = who == null ? null : who.getIdPart();
    DateRanges.Range<OffsetDateTime> onset = DateRanges.instants("onset-date", onsetDate);
    DateRanges.Range<OffsetDateTime> updated = DateRanges.instants("_lastUpdated", lastUpdated);
    boolean filtered =
        category != null
            || clinicalStatus != null
            || code != null
            || onsetDate != null
            || lastUpdated != null;
    List<Condition> ours;
    long ourTotal;
    if (patientId != null) {
      ours =
          conditions.search(patientId, order(sort), 0, PageRequest.MAX_LIMIT).conditions().stream()
              .filter(view -> within(view.onsetDate(), onset) && within(view.updatedAt(), updated))
              .map(ConditionFhirMapper::toFhir)
              .filter(
                  condition ->
                      matches(List.of(condition.getCode()), code)
                          && matches(condition.getCategory(), category)
                          && matches(List.of(condition.getClinicalStatus()), clinicalStatus))
              .toList();
      ourTotal = ours.size();
      ours = ours.subList(Math.min(first, ours.size()), Math.min(first + size, ours.size()));
    } else if (filtered) {
      throw new InvalidValueException(
          "patient",
          null,
          "a patient with category, clinical-status, code, onset-date or _lastUpdated");
    } else {
      ConditionPage page = conditions.search(null, order(sort), first, size);
      ours = page.conditions().stream().map(ConditionFhirMapper::toFhir).toList();
      ourTotal = page.total();
    }
    Map<String, List<ContextCriteria.TokenMatch>> tokens = new HashMap<>();
    if (category != null) {
      tokens.put("category", ClinicalContext.matches(category));
    }
    if (clinicalStatus != null) {
      tokens.put("clinical-status", ClinicalContext.matches(clinicalStatus));
    }
    if (code != null) {
      tokens.put("code", ClinicalContext.matches(code));
    }
    return context.after(
        ours,
        ourTotal,
        List.of(),
        new ContextCriteria(
            "Condition",
            patientId,
            tokens,
            Set.of(),
            onset.from(),
            onset.before(),
            updated.from(),
            updated.before(),
            false),
        first,
        size);
  }

  private static boolean within(Object value, DateRanges.Range<OffsetDateTime> range) {
    if (range.from() == null && range.before() == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    OffsetDateTime at =
        value instanceof LocalDate date
            ? date.atStartOfDay().atOffset(ZoneOffset.UTC)
            : (OffsetDateTime) value;
    return (range.from() == null || !at.isBefore(range.from()))
        && (range.before() == null || at.isBefore(range.before()));
  }

  /** Whether any of the concepts has a coding any of the tokens names (no tokens: all match). */
  private static boolean matches(List<CodeableConcept> concepts, TokenOrListParam tokens) {
    if (tokens == null) {
      return true;
    }
    for (TokenParam token : tokens.getValuesAsQueryTokens()) {
      for (CodeableConcept concept : concepts) {
        for (Coding coding : concept.getCoding()) {
          boolean system =
              token.getSystem() == null
                  || token.getSystem().isEmpty()
                  || token.getSystem().equals(coding.getSystem());
          if (system && token.getValue().equals(coding.getCode())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static ConditionOrder order(SortSpec sort) {
    String key = Sorting.of("Condition", sort);
    if (key == null) {
      return ConditionOrder.ONSET_DESCENDING;
    }
    return switch (key) {
      case "onset-date" -> ConditionOrder.ONSET;
      case "recorded-date" -> ConditionOrder.RECORDED;
      case "-recorded-date" -> ConditionOrder.RECORDED_DESCENDING;
      case "_lastUpdated" -> ConditionOrder.LAST_UPDATED;
      case "-_lastUpdated" -> ConditionOrder.LAST_UPDATED_DESCENDING;
      default -> ConditionOrder.ONSET_DESCENDING;
    };
  }

  /** {@code $validate}: checked like a create, nothing stored. */
  @Validate
  public MethodOutcome validate(@ResourceParam Condition resource) {
    return ValidationOutcomes.of(
        () -> {
          MustUnderstand.check(resource);
          if (!StandardInput.isLowBackPain(resource.getCode())) {
            return List.of(ValidationOutcomes.KEPT_AS_CONTEXT);
          }
          return ValidationOutcomes.valid(
              validator, ConditionFhirMapper.toDomain(resource, LocalDate.now(clock)).toRecord());
        });
  }
}
