package app.lumbra.selfreport.application;

import app.lumbra.safety.domain.AdverseResponseKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * OUT-5: what the patient reports through an app over FHIR, as the signed-in patient rather than
 * through a link. Every part is optional, but at least one must be given: a questionnaire carries
 * the diary's pain, medication, home care and adverse response, or a function questionnaire's total
 * ({@code OSWESTRY} or {@code ROLAND_MORRIS}). {@code carePlanId} null means the patient's one
 * active plan. {@code homeCareAllDone} true logs every task of the plan done today, false every
 * task not done, null logs nothing. {@code reportedAt} is when the patient filled it in (a
 * QuestionnaireResponse's {@code authored}): the readings are timed then and the home-care log and
 * adverse response dated that day; null means now. It may not be in the future.
 */
public record RecordPatientReport(
    @NotBlank @Size(max = 64) String patientId,
    @Size(max = 64) String carePlanId,
    Integer pain,
    String functionMeasure,
    Integer functionScore,
    Boolean homeCareAllDone,
    Integer medicationDoses,
    AdverseResponseKind adverseResponse,
    @Size(max = 2000) String note,
    OffsetDateTime reportedAt) {

  /** The fields of this command, as errors name them. */
  public static final String PATIENT = "patientId";

  public static final String CARE_PLAN = "carePlanId";

  public static final String REPORTED_AT = "reportedAt";
}
