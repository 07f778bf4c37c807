-- Issue 12 (PLAN-11, FHIR-6): structural causes of back pain that the EHR lists as problems of
-- their own (disc disorder, spinal stenosis, radiculopathy), one row per recognised Condition.
-- The id is that Condition's id. An ended finding (resolved, entered in error) no longer counts.
-- "current" rather than "active": neither is reserved, but the name says what the flag means.
CREATE TABLE structural_finding (
    id          VARCHAR(64) NOT NULL,
    version     BIGINT      NOT NULL,
    patient_id  VARCHAR(64) NOT NULL,
    cause       VARCHAR(32) NOT NULL,
    current     BOOLEAN     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_structural_finding PRIMARY KEY (id),
    CONSTRAINT fk_structural_finding_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

CREATE INDEX ix_structural_finding_patient ON structural_finding (patient_id, current);
