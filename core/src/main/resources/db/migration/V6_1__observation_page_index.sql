-- Issue 7: the Observation search by patient and code sorted by date (the EHR's most frequent
-- query) reads its page straight from this index, in index order, instead of reading all of the
-- patient's readings of that code and sorting them: its cost no longer grows with the patient's
-- history. The id makes the order total, as the query's tie-break needs.
DROP INDEX ix_symptom_observation_patient_code;
CREATE INDEX ix_symptom_observation_patient_code
    ON symptom_observation (patient_id, code, effective_at, id);
