package app.lumbra.fhir.questionnaire;

import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.Pages;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * FHIR {@code QuestionnaireResponse} (OUT-5): a patient app posts what the patient filled in (a
 * {@code patient/} token may write only its own patient's), Lumbra records it as the patient's
 * readings and keeps it; read, and search by {@code patient} (or {@code subject}), newest first.
 */
@ApplicationScoped
public class QuestionnaireResponseResourceProvider implements IResourceProvider {

  private static final String TYPE = "QuestionnaireResponse";

  private QuestionnaireResponseWrites writes;
  private ClinicalContext context;
  private FhirSettings settings;

  /** For the CDI proxy only. */
  protected QuestionnaireResponseResourceProvider() {}

  @Inject
  public QuestionnaireResponseResourceProvider(
      QuestionnaireResponseWrites writes, ClinicalContext context, FhirSettings settings) {
    this.writes = writes;
    this.context = context;
    this.settings = settings;
  }

  @Override
  public Class<QuestionnaireResponse> getResourceType() {
    return QuestionnaireResponse.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam QuestionnaireResponse response) {
    return writes.create(response);
  }

  @Read
  public QuestionnaireResponse read(@IdParam IdType id) {
    return (QuestionnaireResponse)
        context
            .read(TYPE, id.getIdPart())
            .orElseThrow(
                () -> new ResourceNotFoundException(TYPE + "/" + id.getIdPart() + " is not known"));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = QuestionnaireResponse.SP_SUBJECT) ReferenceParam subject,
      @Count Integer count,
      @Offset Integer offset) {
    ReferenceParam who = patient != null ? patient : subject;
    String patientId = who == null ? null : patientId(who);
    int limit = settings.pageSize(count);
    int from = settings.offset(offset);
    ClinicalContext.Page page =
        context.search(
            new ContextCriteria(TYPE, patientId, Map.of(), Set.of(), null, null, null, null, true),
            from,
            limit);
    return Pages.of(page.resources(), List.of(), from, limit, page.total());
  }

  private static String patientId(ReferenceParam reference) {
    if (reference.getResourceType() != null && !"Patient".equals(reference.getResourceType())) {
      throw new InvalidRequestException("patient: a Patient reference, such as Patient/123");
    }
    return reference.getIdPart();
  }
}
