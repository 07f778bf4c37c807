-- Indexes behind the US Core 8.0.0 search combinations (FHIR-9) the FHIR adapter answers.
-- Patient?birthdate=...&family=...: see V7_6 (Java), whose index differs on PostgreSQL.
-- Procedure?patient=...&status=...: the patient's sessions in a status, by date.
CREATE INDEX ix_treatment_session_patient_status
    ON treatment_session (patient_id, status, scheduled_at);
-- CarePlan?patient=...&category=...&status=...: the patient's plans in a status.
CREATE INDEX ix_care_plan_patient_status ON care_plan (patient_id, status);
-- Goal?patient=...&target-date=...: the goals of the patient's plans by due date.
CREATE INDEX ix_care_plan_goal_plan_due ON care_plan_goal (care_plan_id, due_date);
