package app.lumbra.fhir.patient;

import app.lumbra.fhir.security.FhirAccessInterceptor;
import app.lumbra.fhir.security.PatientReach;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.support.ValidationOutcomes;
import app.lumbra.fhir.support.VersionHistory;
import app.lumbra.patient.application.PatientPage;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.domain.EhrIdentifier;
import app.lumbra.patient.domain.Gender;
import app.lumbra.patient.domain.PatientCriteria;
import app.lumbra.patient.domain.PatientCriteria.PatientOrder;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
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
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;

/** FHIR {@code Patient}: read, vread, create (conditional on identifier), update, search. */
@ApplicationScoped
public class PatientResourceProvider implements IResourceProvider {

  private static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";

  private PatientService patients;
  private FhirSettings settings;
  private VersionHistory history;
  private Validator validator;
  private PatientReach reach;
  private PatientWrites writes;

  /** For the CDI proxy only. */
  protected PatientResourceProvider() {}

  @Inject
  public PatientResourceProvider(
      PatientService patients,
      FhirSettings settings,
      Validator validator,
      VersionHistory history,
      PatientReach reach,
      PatientWrites writes) {
    this.reach = reach;
    this.patients = patients;
    this.settings = settings;
    this.history = history;
    this.validator = validator;
    this.writes = writes;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read(version = true)
  public Patient read(@IdParam IdType id) {
    return history.version(
        id, PatientFhirMapper.toFhir(patients.get(id.getIdPart())), Patient.class);
  }

  @History
  public List<Patient> history(@IdParam IdType id) {
    return history.of(PatientFhirMapper.toFhir(patients.get(id.getIdPart())), Patient.class);
  }

  @History
  public IBundleProvider typeHistory(
      @Since InstantType since, @Offset Integer offset, @Count Integer count) {
    return history.ofType(
        "Patient", Patient.class, since, settings.offset(offset), settings.pageSize(count));
  }

  /** Create, conditional on an identifier with If-None-Exist ({@link PatientWrites#create}). */
  @Create
  public MethodOutcome create(
      @ResourceParam Patient resource,
      @ConditionalUrlParam String conditionalUrl,
      RequestDetails request) {
    return writes.create(resource, conditionalUrl, FhirAccessInterceptor.token(request));
  }

  /** Update, update-as-create and conditional update ({@link PatientWrites#update}). */
  @Update
  public MethodOutcome update(
      @IdParam IdType id,
      @ResourceParam Patient resource,
      @ConditionalUrlParam String conditionalUrl,
      RequestDetails request) {
    return writes.update(id, resource, conditionalUrl, FhirAccessInterceptor.token(request));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
      @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
      @OptionalParam(name = Patient.SP_NAME) StringParam name,
      @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
      @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
      @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthDate,
      @OptionalParam(name = Patient.SP_GENDER) TokenParam gender,
      @OptionalParam(name = "_total") StringParam total,
      @Sort SortSpec sort,
      @Offset Integer offset,
      @Count Integer count,
      RequestDetails request) {
    DateRanges.Range<LocalDate> born = DateRanges.dates("birthdate", birthDate);
    PatientCriteria criteria =
        new PatientCriteria(
            id == null ? null : id.getValue(),
            identifier == null
                ? null
                : EhrIdentifier.of(identifier.getSystem(), identifier.getValue()),
            prefix("name", name),
            prefix("family", family),
            prefix("given", given),
            born.from(),
            born.before(),
            gender(gender),
            order(sort),
            // A user/ token finds (and counts) only its care team's patients.
            reach.of(FhirAccessInterceptor.token(request)));
    int first = settings.offset(offset);
    int size = settings.pageSize(count);
    PatientPage page = patients.search(criteria, first, size, true);
    return Pages.of(
        page.patients().stream().map(PatientFhirMapper::toFhir).toList(),
        List.of(),
        first,
        size,
        page.total());
  }

  // Names are matched as case-insensitive prefixes only; :exact and :contains would need other
  // queries, so they are refused rather than answered as prefixes.
  private static String prefix(String parameter, StringParam param) {
    if (param == null) {
      return null;
    }
    if (param.isExact() || param.isContains()) {
      throw new InvalidValueException(
          parameter + (param.isExact() ? ":exact" : ":contains"),
          param.getValue(),
          parameter + " without a modifier (a case-insensitive prefix)");
    }
    return param.getValue();
  }

  private static Gender gender(TokenParam token) {
    if (token == null) {
      return null;
    }
    String system = token.getSystem();
    if (system != null && !system.isEmpty() && !ADMINISTRATIVE_GENDER.equals(system)) {
      throw new InvalidValueException(
          "gender", system + "|" + token.getValue(), ADMINISTRATIVE_GENDER + " codes");
    }
    return switch (token.getValue() == null ? "" : token.getValue()) {
      case "male" -> Gender.MALE;
      case "female" -> Gender.FEMALE;
      case "other" -> Gender.OTHER;
      case "unknown" -> Gender.UNKNOWN;
      default ->
          throw new InvalidValueException(
              "gender", token.getValue(), "male, female, other or unknown");
    };
  }

  private static PatientOrder order(SortSpec sort) {
    String key = Sorting.of("Patient", sort);
    if (key == null) {
      return PatientOrder.NAME;
    }
    return switch (key) {
      case "-family", "-name" -> PatientOrder.NAME_DESCENDING;
      case "birthdate" -> PatientOrder.BIRTH_DATE;
      case "-birthdate" -> PatientOrder.BIRTH_DATE_DESCENDING;
      case "_lastUpdated" -> PatientOrder.LAST_UPDATED;
      case "-_lastUpdated" -> PatientOrder.LAST_UPDATED_DESCENDING;
      default -> PatientOrder.NAME;
    };
  }

  /** {@code $validate}: checked like a create, nothing stored. */
  @Validate
  public MethodOutcome validate(@ResourceParam Patient resource) {
    return ValidationOutcomes.of(
        () -> {
          MustUnderstand.check(resource);
          return ValidationOutcomes.valid(
              validator, PatientFhirMapper.toDomain(resource).toRegister());
        });
  }
}
