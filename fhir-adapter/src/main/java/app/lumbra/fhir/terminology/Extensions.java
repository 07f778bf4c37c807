package app.lumbra.fhir.terminology;

import java.util.List;

/**
 * Names of the project extensions that carry domain fields FHIR R4 has no element for; the full URL
 * is {@link Terminology#EXTENSION_BASE} + name. Listed once so the mappers, the unknown-element
 * check and the CapabilityStatement agree.
 */
public final class Extensions {

  public static final String READING_CONTEXT = "reading-context";
  public static final String READING_SOURCE = "reading-source";
  public static final String MORNING_STIFFNESS = "morning-stiffness";
  public static final String TECHNIQUE = "technique";
  public static final String TARGET_REGION = "target-region";
  public static final String PAIN_BEFORE = "pain-before-session";
  public static final String PAIN_AFTER = "pain-after-session";
  public static final String SOAP_PART = "soap-part";
  public static final String SCHEDULED_AT = "scheduled-at";
  public static final String PLANNED_DURATION = "planned-duration-minutes";
  public static final String ONSET_TYPE = "onset-type";
  public static final String SEVERITY_SCORE = "severity-pain-score";
  public static final String STRUCTURAL_CAUSE = "structural-cause";
  public static final String PHASE_KIND = "phase-kind";
  public static final String PLANNED_SESSION = "planned-session";
  public static final String PATIENT_FACTORS = "patient-factors";
  public static final String CO_MANAGEMENT = "co-management-flagged";
  public static final String EXPECTATIONS = "expectations";
  public static final String HOME_CARE_TASK_ID = "home-care-task-id";
  public static final String PLAN_WARNING = "plan-warning";
  public static final String STRUCTURAL_CAUSE_STATEMENT = "structural-cause-statement";
  public static final String LAST_CHANGE = "last-change";
  public static final String LAST_CHANGED_BY = "last-changed-by";
  public static final String CARE_PLAN = "care-plan";
  public static final String REGISTERED_AT = "registered-at";

  static final List<String> ALL =
      List.of(
          READING_CONTEXT,
          READING_SOURCE,
          MORNING_STIFFNESS,
          TECHNIQUE,
          TARGET_REGION,
          PAIN_BEFORE,
          PAIN_AFTER,
          SOAP_PART,
          SCHEDULED_AT,
          PLANNED_DURATION,
          ONSET_TYPE,
          SEVERITY_SCORE,
          STRUCTURAL_CAUSE,
          PHASE_KIND,
          PLANNED_SESSION,
          PATIENT_FACTORS,
          CO_MANAGEMENT,
          EXPECTATIONS,
          HOME_CARE_TASK_ID,
          PLAN_WARNING,
          STRUCTURAL_CAUSE_STATEMENT,
          LAST_CHANGE,
          LAST_CHANGED_BY,
          CARE_PLAN,
          REGISTERED_AT);

  private Extensions() {}
}
