package app.lumbra.fhir.observation;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.InOneTransaction;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.ValidationOutcomes;
import app.lumbra.fhir.support.Versions;
import app.lumbra.observation.application.ObservationPage;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.observation.domain.ReadingCriteria.ReadingOrder;
import app.lumbra.patient.application.PatientService;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;

/**
 * FHIR {@code Observation} (symptom readings): read, vread, create (conditional), search. Readings
 * are immutable (corrections are new readings), so there is no update.
 */
@ApplicationScoped
public class ObservationResourceProvider implements IResourceProvider {

  private ObservationService observations;
  private CarePlanService plans;
  private PatientService patients;
  private FhirSettings settings;
  private InOneTransaction transaction;
  private jakarta.validation.Validator validator;
  private KeptResources kept;

  /** For the CDI proxy only. */
  protected ObservationResourceProvider() {}

  @Inject
  public ObservationResourceProvider(
      ObservationService observations,
      CarePlanService plans,
      PatientService patients,
      FhirSettings settings,
      jakarta.validation.Validator validator,
      InOneTransaction transaction,
      KeptResources kept) {
    this.kept = kept;
    this.transaction = transaction;
    this.observations = observations;
    this.plans = plans;
    this.patients = patients;
    this.settings = settings;
    this.validator = validator;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read(version = true)
  public Observation read(@IdParam IdType id) {
    ObservationView observation = observations.get(id.getIdPart());
    Long version = Versions.expected(id);
    if (version != null && version != observation.version()) {
      throw new NotFoundException("Observation version", id.getIdPart() + "/" + version);
    }
    return ObservationFhirMapper.toFhir(observation);
  }

  /** Readings never change, so the type history lists them by the time they were recorded. */
  @History
  public IBundleProvider typeHistory(
      @Since InstantType since, @Offset Integer offset, @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    ReadingCriteria recorded =
        new ReadingCriteria(
            null,
            null,
            null,
            null,
            null,
            null,
            since == null || since.getValue() == null
                ? null
                : since.getValue().toInstant().atOffset(java.time.ZoneOffset.UTC),
            null,
            ReadingOrder.RECORDED_DESCENDING);
    ObservationPage page = observations.search(recorded, first, size);
    return Pages.history(
        page.observations().stream().map(ObservationFhirMapper::toFhir).toList(),
        first,
        size,
        page.total());
  }

  @History
  public List<Observation> history(@IdParam IdType id) {
    return Pages.asHistory(List.of(ObservationFhirMapper.toFhir(observations.get(id.getIdPart()))));
  }

  /**
   * If-None-Exist with the search parameters below: an existing match is returned instead of a
   * duplicate; more than one match is 412 (FHIR R4 conditional create).
   */
  @Create
  public MethodOutcome create(
      @ResourceParam Observation resource, @ConditionalUrlParam String conditionalUrl) {
    MustUnderstand.check(resource);
    var command = ObservationFhirMapper.toDomain(resource);
    if (conditionalUrl != null) {
      ReadingCriteria criteria = ConditionalSearch.criteria(conditionalUrl);
      ObservationPage matches = observations.search(criteria, 0, 2);
      if (matches.total() > 1) {
        throw new ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException(
            "If-None-Exist matches " + matches.total() + " observations");
      }
      if (matches.total() == 1) {
        ObservationView existing = matches.observations().get(0);
        return new MethodOutcome(idOf(existing), false)
            .setResource(ObservationFhirMapper.toFhir(existing));
      }
    }
    return transaction.run(
        () -> {
          requireKnownReferences(command.patientId(), command.carePlanId());
          ObservationView created = observations.record(command);
          return new MethodOutcome(idOf(created), true)
              .setResource(kept.written(resource, ObservationFhirMapper.toFhir(created), Set.of()));
        });
  }

  /**
   * A reading must be of a patient Lumbra knows, and its plan (basedOn) must be that patient's:
   * otherwise it could never be found from the patient, and another patient's plan would count it.
   */
  private void requireKnownReferences(String patientId, String carePlanId) {
    if (!patients.exists(patientId)) {
      throw new RuleViolationException(
          "FHIR-4", "Observation.subject", "Patient/" + patientId + " does not exist in Lumbra");
    }
    if (carePlanId != null && !patientId.equals(plans.patientOf(carePlanId).orElse(null))) {
      throw new RuleViolationException(
          "FHIR-4",
          "Observation.basedOn",
          "CarePlan/" + carePlanId + " is not a care plan of Patient/" + patientId);
    }
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
      @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
      @OptionalParam(name = Observation.SP_BASED_ON) ReferenceOrListParam basedOn,
      @OptionalParam(name = Observation.SP_PART_OF) ReferenceOrListParam partOf,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
      @OptionalParam(name = "_total") StringParam total,
      @IncludeParam(allow = {"Observation:based-on"}) Set<Include> includes,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    DateRanges.Range<java.time.OffsetDateTime> effective = DateRanges.instants("date", date);
    DateRanges.Range<java.time.OffsetDateTime> recorded =
        DateRanges.instants("_lastUpdated", lastUpdated);
    ReferenceParam who = patient != null ? patient : subject;
    Set<ObservationCode> codes = codes(code, category);
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    if (codes != null && codes.isEmpty()) {
      return Pages.of(List.of(), List.of(), first, size, 0);
    }
    ReadingCriteria criteria =
        new ReadingCriteria(
            who == null ? null : who.getIdPart(),
            ids(basedOn),
            ids(partOf),
            codes,
            effective.from(),
            effective.before(),
            recorded.from(),
            recorded.before(),
            order(sort));
    ObservationPage page = observations.search(criteria, first, size, countTotal(total));
    List<IAnyResource> included =
        includes != null && !includes.isEmpty()
            ? page.observations().stream()
                .map(ObservationView::carePlanId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(id -> (IAnyResource) CarePlanFhirMapper.toFhir(plans.get(id)))
                .toList()
            : List.of();
    List<Observation> matches =
        page.observations().stream().map(ObservationFhirMapper::toFhir).toList();
    return page.totalKnown()
        ? Pages.of(matches, included, first, size, page.total())
        : Pages.uncounted(matches, included, first, size);
  }

  /**
   * {@code _total}: {@code none} skips counting the matches (on a large table the count costs more
   * than the page); {@code accurate}, {@code estimate} or no value count them.
   */
  private static boolean countTotal(StringParam total) {
    if (total == null || total.getValue() == null) {
      return true;
    }
    return switch (total.getValue()) {
      case "none" -> false;
      case "accurate", "estimate" -> true;
      default ->
          throw new InvalidValueException("_total", total.getValue(), "none, estimate or accurate");
    };
  }

  /** The measures the code and category parameters allow; null when neither restricts. */
  private static Set<ObservationCode> codes(TokenOrListParam code, TokenOrListParam category) {
    Set<ObservationCode> codes = null;
    if (code != null) {
      codes = EnumSet.noneOf(ObservationCode.class);
      for (TokenParam token : code.getValuesAsQueryTokens()) {
        codes.add(ObservationFhirMapper.measure(token.getSystem(), token.getValue()));
      }
    }
    if (category != null) {
      Set<String> wanted =
          category.getValuesAsQueryTokens().stream()
              .map(TokenParam::getValue)
              .collect(Collectors.toSet());
      Set<ObservationCode> inCategory = EnumSet.noneOf(ObservationCode.class);
      for (ObservationCode candidate : ObservationCode.values()) {
        if (wanted.contains(ObservationFhirMapper.category(candidate))) {
          inCategory.add(candidate);
        }
      }
      if (codes == null) {
        codes = inCategory;
      } else {
        codes.retainAll(inCategory);
      }
    }
    return codes;
  }

  static Set<String> ids(ReferenceOrListParam references) {
    if (references == null) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (ReferenceParam reference : references.getValuesAsQueryTokens()) {
      ids.add(reference.getIdPart());
    }
    return ids;
  }

  private static ReadingOrder order(SortSpec sort) {
    if (sort == null) {
      return ReadingOrder.EFFECTIVE;
    }
    boolean descending = Sorting.of("Observation", sort).startsWith("-");
    return switch (sort.getParamName()) {
      case "date" -> descending ? ReadingOrder.EFFECTIVE_DESCENDING : ReadingOrder.EFFECTIVE;
      case "_lastUpdated" -> descending ? ReadingOrder.RECORDED_DESCENDING : ReadingOrder.RECORDED;
      default ->
          throw new InvalidValueException("_sort", sort.getParamName(), "date or _lastUpdated");
    };
  }

  /** {@code $validate}: checked like a create (OBS-4), nothing stored. */
  @Validate
  public MethodOutcome validate(@ResourceParam Observation resource) {
    return ValidationOutcomes.of(
        () -> {
          MustUnderstand.check(resource);
          return ValidationOutcomes.valid(validator, ObservationFhirMapper.toDomain(resource));
        });
  }

  private static IdType idOf(ObservationView view) {
    return new IdType("Observation", view.id(), Long.toString(view.version()));
  }
}
