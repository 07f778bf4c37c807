package app.lumbra.fhir.observation;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
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
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
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
  private FhirSettings settings;
  private Validator validator;
  private ObservationWrites writes;
  private ClinicalContext context;

  /** For the CDI proxy only. */
  protected ObservationResourceProvider() {}

  @Inject
  public ObservationResourceProvider(
      ObservationService observations,
      CarePlanService plans,
      FhirSettings settings,
      Validator validator,
      ObservationWrites writes,
      ClinicalContext context) {
    this.observations = observations;
    this.plans = plans;
    this.settings = settings;
    this.validator = validator;
    this.writes = writes;
    this.context = context;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read(version = true)
  public Observation read(@IdParam IdType id) {
    Optional<ObservationView> reading = observations.find(id.getIdPart());
    if (reading.isEmpty()) {
      return (Observation) clinicalContext(id);
    }
    ObservationView observation = reading.get();
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
                : since.getValue().toInstant().atOffset(ZoneOffset.UTC),
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
    if (context.has("Observation", id.getIdPart())) {
      return Pages.asHistory(
          context.history("Observation", id.getIdPart()).stream()
              .map(Observation.class::cast)
              .toList());
    }
    return Pages.asHistory(List.of(ObservationFhirMapper.toFhir(observations.get(id.getIdPart()))));
  }

  /** A read of an id that is no reading: the clinical context's, or the reading's not-found. */
  private DomainResource clinicalContext(IdType id) {
    NotFoundException notAReading = new NotFoundException("Observation", id.getIdPart());
    if (!context.has("Observation", id.getIdPart())) {
      throw notAReading;
    }
    Long version = Versions.expected(id);
    return version == null
        ? context.read("Observation", id.getIdPart()).orElseThrow(() -> notAReading)
        : context.version("Observation", id.getIdPart(), version);
  }

  /** Update-as-create under the client's id ({@link ObservationWrites#update}). */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Observation resource) {
    return writes.update(id, resource);
  }

  /** Create, conditional with If-None-Exist ({@link ObservationWrites#create}). */
  @Create
  public MethodOutcome create(
      @ResourceParam Observation resource, @ConditionalUrlParam String conditionalUrl) {
    return writes.create(resource, conditionalUrl);
  }

  /**
   * FHIR-3, FHIR-9: readings of Lumbra's measures and the patient's clinical context (vital signs
   * and other observations partners sent) are searched alike, by patient, category, code, status,
   * date and {@code _lastUpdated}. The readings come first, then the context, each in the order
   * asked for.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
      @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Observation.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
      @OptionalParam(name = Observation.SP_BASED_ON) ReferenceOrListParam basedOn,
      @OptionalParam(name = Observation.SP_PART_OF) ReferenceOrListParam partOf,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
      @OptionalParam(name = "_total") StringParam total,
      @IncludeParam(allow = {"Observation:based-on"}) Set<Include> includes,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    DateRanges.Range<OffsetDateTime> effective = DateRanges.instants("date", date);
    DateRanges.Range<OffsetDateTime> recorded = DateRanges.instants("_lastUpdated", lastUpdated);
    ReferenceParam who = patient != null ? patient : subject;
    Set<ObservationCode> codes = codes(code, category);
    Set<String> statuses = ClinicalContext.codes(status);
    ReadingOrder order = order(sort);
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    boolean readingsMayMatch =
        (codes == null || !codes.isEmpty())
            && (statuses.isEmpty() || statuses.contains(READING_STATUS));
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
            order);
    ObservationPage page =
        readingsMayMatch
            ? observations.search(criteria, first, size, countTotal(total))
            : new ObservationPage(List.of(), first, size, 0);
    List<IAnyResource> included =
        includes != null && !includes.isEmpty()
            ? page.observations().stream()
                .map(ObservationView::carePlanId)
                .filter(Objects::nonNull)
                .distinct()
                .map(id -> (IAnyResource) CarePlanFhirMapper.toFhir(plans.get(id)))
                .toList()
            : List.of();
    List<DomainResource> matches = new ArrayList<>();
    page.observations().stream().map(ObservationFhirMapper::toFhir).forEach(matches::add);
    boolean contextMayMatch = basedOn == null && partOf == null && !onlyMeasures(code);
    if (!page.totalKnown() && (matches.size() == size || !contextMayMatch)) {
      return Pages.uncounted(matches, included, first, size);
    }
    if (!contextMayMatch) {
      return Pages.of(matches, included, first, size, page.total());
    }
    // Uncounted and short of a page: the readings end on this page, or before it when it is empty.
    long readings =
        page.totalKnown()
            ? page.total()
            : !matches.isEmpty() || first == 0
                ? first + matches.size()
                : observations.search(criteria, 0, 1, true).total();
    return context.after(
        matches,
        readings,
        included,
        new ContextCriteria(
            "Observation",
            who == null ? null : who.getIdPart(),
            contextTokens(code, category),
            statuses,
            effective.from(),
            effective.before(),
            recorded.from(),
            recorded.before(),
            order == ReadingOrder.EFFECTIVE_DESCENDING
                || order == ReadingOrder.RECORDED_DESCENDING),
        first,
        size);
  }

  /**
   * Whether every code searched for names a system and is one of Lumbra's measures: the clinical
   * context then cannot match, since it never holds such a reading (a context Observation cannot
   * become one), and a search is spared the context's count.
   */
  static boolean onlyMeasures(TokenOrListParam code) {
    if (code == null || code.getValuesAsQueryTokens().isEmpty()) {
      return false;
    }
    for (TokenParam token : code.getValuesAsQueryTokens()) {
      if (token.getSystem() == null
          || token.getSystem().isEmpty()
          || !ObservationFhirMapper.isMeasure(
              new CodeableConcept(new Coding(token.getSystem(), token.getValue(), null)))) {
        return false;
      }
    }
    return true;
  }

  /** The status every reading of Lumbra's measures is searched by. */
  private static final String READING_STATUS = "final";

  /** The code and category tokens as the clinical context matches them. */
  private static Map<String, List<ContextCriteria.TokenMatch>> contextTokens(
      TokenOrListParam code, TokenOrListParam category) {
    Map<String, List<ContextCriteria.TokenMatch>> tokens = new HashMap<>();
    if (code != null) {
      tokens.put("code", ClinicalContext.matches(code));
    }
    if (category != null) {
      tokens.put("category", ClinicalContext.matches(category));
    }
    return tokens;
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
        ObservationFhirMapper.findMeasure(token.getSystem(), token.getValue())
            .ifPresent(codes::add);
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
          if (!ObservationFhirMapper.isMeasure(resource.getCode())) {
            return List.of(ValidationOutcomes.KEPT_AS_CONTEXT);
          }
          return ValidationOutcomes.valid(validator, ObservationFhirMapper.toDomain(resource));
        });
  }
}
