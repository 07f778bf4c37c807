-- ADH-1: who cancelled a session. Cancellations recorded before this column are the clinic's
-- (NULL reads as CLINIC), as adherence counted them until now.
ALTER TABLE treatment_session ADD COLUMN cancelled_by VARCHAR(16);
ALTER TABLE treatment_session ADD CONSTRAINT ck_treatment_session_cancelled_by
    CHECK (cancelled_by IS NULL OR cancelled_by IN ('PATIENT', 'CLINIC'));
