-- OUT-5: a clinician can withdraw a patient's link before it expires; the page then says so.
ALTER TABLE patient_link ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE patient_link ADD COLUMN revoked_by VARCHAR(200);
