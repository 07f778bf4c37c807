-- Issue 12 (FHIR-8): an EHR may choose the id of a patient, condition, care plan, goal, session or
-- reading itself (update-as-create, PUT Patient/mrn-123): any FHIR id, 1 to 64 characters. The
-- id columns made for UUIDs (36 characters) and every column that refers to them are widened to
-- 64, the width the other modules' references already have. Widening keeps the values and the
-- constraints; SET DATA TYPE is understood by H2 and PostgreSQL alike.
ALTER TABLE patient ALTER COLUMN id SET DATA TYPE VARCHAR(64);
ALTER TABLE patient_identifier ALTER COLUMN patient_id SET DATA TYPE VARCHAR(64);
ALTER TABLE patient_care_team ALTER COLUMN patient_id SET DATA TYPE VARCHAR(64);

ALTER TABLE lbp_condition ALTER COLUMN id SET DATA TYPE VARCHAR(64);
ALTER TABLE lbp_condition ALTER COLUMN patient_id SET DATA TYPE VARCHAR(64);
ALTER TABLE lbp_condition_structural_cause ALTER COLUMN condition_id SET DATA TYPE VARCHAR(64);

ALTER TABLE care_plan ALTER COLUMN id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan ALTER COLUMN patient_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan ALTER COLUMN condition_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan_phase ALTER COLUMN care_plan_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan_session ALTER COLUMN care_plan_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan_home_care_task ALTER COLUMN care_plan_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan_goal ALTER COLUMN care_plan_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan_goal ALTER COLUMN goal_id SET DATA TYPE VARCHAR(64);
ALTER TABLE care_plan_version ALTER COLUMN care_plan_id SET DATA TYPE VARCHAR(64);

ALTER TABLE treatment_session ALTER COLUMN id SET DATA TYPE VARCHAR(64);
ALTER TABLE treatment_session_technique ALTER COLUMN session_id SET DATA TYPE VARCHAR(64);
ALTER TABLE treatment_session_region ALTER COLUMN session_id SET DATA TYPE VARCHAR(64);

ALTER TABLE symptom_observation ALTER COLUMN id SET DATA TYPE VARCHAR(64);
ALTER TABLE symptom_observation ALTER COLUMN session_id SET DATA TYPE VARCHAR(64);
