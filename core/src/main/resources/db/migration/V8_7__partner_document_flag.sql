-- Whether a partner's document is kept beside a reading (FHIR-1): a read of a reading without one
-- answers from the reading alone instead of looking in kept_document. Readings never change, so
-- the flag is set once, in the transaction that records the reading.
ALTER TABLE symptom_observation ADD COLUMN partner_document BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE symptom_observation SET partner_document = TRUE
 WHERE id IN (SELECT record_id FROM kept_document WHERE record_type = 'Observation');
