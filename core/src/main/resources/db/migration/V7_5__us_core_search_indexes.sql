-- Indexes behind the US Core 8.0.0 search combinations (FHIR-9) the FHIR adapter answers.
-- Patient?birthdate=...&family=...: the family name prefix and the birth date from one index.
CREATE INDEX ix_patient_family_birth ON patient (family_name_key, birth_date);
-- Procedure?patient=...&status=...: the patient's sessions in a status, by date.
CREATE INDEX ix_treatment_session_patient_status
    ON treatment_session (patient_id, status, scheduled_at);
-- CarePlan?patient=...&category=...&status=...: the patient's plans in a status.
CREATE INDEX ix_care_plan_patient_status ON care_plan (patient_id, status);
-- Goal?patient=...&target-date=...: the goals of the patient's plans by due date.
CREATE INDEX ix_care_plan_goal_plan_due ON care_plan_goal (care_plan_id, due_date);
