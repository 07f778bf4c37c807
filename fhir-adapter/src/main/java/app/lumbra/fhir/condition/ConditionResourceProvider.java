package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionPage;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionOrder;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.InOneTransaction;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.ValidationOutcomes;
import app.lumbra.fhir.support.VersionHistory;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.Terminology;
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
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;

/** FHIR {@code Condition} (low-back pain): read, vread, create, update, search. */
@ApplicationScoped
public class ConditionResourceProvider implements IResourceProvider {

  private ConditionService conditions;
  private FhirSettings settings;
  private VersionHistory history;
  private InOneTransaction transaction;
  private KeptResources kept;
  private jakarta.validation.Validator validator;

  /** For the CDI proxy only. */
  protected ConditionResourceProvider() {}

  @Inject
  public ConditionResourceProvider(
      ConditionService conditions,
      FhirSettings settings,
      jakarta.validation.Validator validator,
      VersionHistory history,
      InOneTransaction transaction,
      KeptResources kept) {
    this.kept = kept;
    this.conditions = conditions;
    this.settings = settings;
    this.history = history;
    this.transaction = transaction;
    this.validator = validator;
  }

  @Override
  public Class<Condition> getResourceType() {
    return Condition.class;
  }

  @Read(version = true)
  public Condition read(@IdParam IdType id) {
    return history.version(
        id, ConditionFhirMapper.toFhir(conditions.get(id.getIdPart())), Condition.class);
  }

  @History
  public List<Condition> history(@IdParam IdType id) {
    return history.of(ConditionFhirMapper.toFhir(conditions.get(id.getIdPart())), Condition.class);
  }

  @History
  public IBundleProvider typeHistory(
      @Since InstantType since, @Offset Integer offset, @Count Integer count) {
    return history.ofType(
        "Condition", Condition.class, since, settings.offset(offset), settings.pageSize(count));
  }

  @Create
  public MethodOutcome create(@ResourceParam Condition resource) {
    MustUnderstand.check(resource);
    ConditionFhirMapper.ConditionData data = ConditionFhirMapper.toDomain(resource);
    return transaction.run(
        () -> {
          ConditionView created = conditions.record(data.toRecord());
          return new MethodOutcome(idOf(created), true)
              .setResource(kept.written(resource, ConditionFhirMapper.toFhir(created), Set.of()));
        });
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Condition resource) {
    MustUnderstand.check(resource);
    ConditionFhirMapper.ConditionData data = ConditionFhirMapper.toDomain(resource);
    return transaction.run(
        () -> {
          ConditionView current = conditions.get(id.getIdPart());
          Long expected = Versions.expected(id);
          long version = expected != null ? expected : current.version();
          ConditionView updated =
              conditions.replace(data.toRevise(id.getIdPart(), version), data.resolvedOn());
          return new MethodOutcome(idOf(updated), false)
              .setResource(kept.written(resource, ConditionFhirMapper.toFhir(updated), Set.of()));
        });
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
      @OptionalParam(name = Condition.SP_CODE) TokenParam code,
      @OptionalParam(name = "_total") StringParam total,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count) {
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    if (code != null
        && !(Terminology.SNOMED_LOW_BACK_PAIN.equals(code.getValue())
            && (code.getSystem() == null || Terminology.SNOMED.equals(code.getSystem())))) {
      // Every condition Lumbra records is low-back pain; any other code matches nothing.
      return Pages.of(List.of(), List.of(), first, size, 0);
    }
    ReferenceParam who = patient != null ? patient : subject;
    ConditionPage page =
        conditions.search(who == null ? null : who.getIdPart(), order(sort), first, size);
    return Pages.of(
        page.conditions().stream().map(ConditionFhirMapper::toFhir).toList(),
        List.of(),
        first,
        size,
        page.total());
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
          return ValidationOutcomes.valid(
              validator, ConditionFhirMapper.toDomain(resource).toRecord());
        });
  }

  private static IdType idOf(ConditionView view) {
    return new IdType("Condition", view.id(), Long.toString(view.version()));
  }
}
