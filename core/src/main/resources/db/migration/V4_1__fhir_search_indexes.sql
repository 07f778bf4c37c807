-- Indexes behind the FHIR searches of issue 4 (FHIR-3): every search parameter the FHIR adapter
-- offers is answered by an indexed query with paging in the database.
CREATE INDEX ix_patient_birth_date ON patient (birth_date);
CREATE INDEX ix_patient_updated_at ON patient (updated_at);
CREATE INDEX ix_lbp_condition_onset ON lbp_condition (patient_id, onset_date);
CREATE INDEX ix_care_plan_patient_created ON care_plan (patient_id, created_at);
CREATE INDEX ix_care_plan_phase_dates ON care_plan_phase (care_plan_id, start_date, end_date);
CREATE INDEX ix_care_plan_goal_id ON care_plan_goal (goal_id);
CREATE INDEX ix_care_plan_goal_status ON care_plan_goal (status, start_date);
CREATE INDEX ix_treatment_session_performed ON treatment_session (patient_id, performed_at);
CREATE INDEX ix_symptom_observation_recorded ON symptom_observation (recorded_at);
CREATE INDEX ix_symptom_observation_patient_code ON symptom_observation (patient_id, code, effective_at);
