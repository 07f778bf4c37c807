-- Low-back-pain conditions (issue 3, PLAN-11). "condition" is avoided as a table name because it
-- is reserved in some SQL dialects.
CREATE TABLE lbp_condition (
    id          VARCHAR(36)   NOT NULL,
    version     BIGINT        NOT NULL,
    patient_id  VARCHAR(36)   NOT NULL,
    onset_type  VARCHAR(16)   NOT NULL,
    onset_date  DATE          NOT NULL,
    pain_score  INTEGER,
    severity    VARCHAR(16)   NOT NULL,
    note        VARCHAR(2000),
    status      VARCHAR(16)   NOT NULL,
    resolved_on DATE,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_lbp_condition PRIMARY KEY (id),
    CONSTRAINT fk_lbp_condition_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT ck_lbp_condition_pain_score CHECK (pain_score IS NULL OR pain_score BETWEEN 0 AND 10)
);

CREATE INDEX ix_lbp_condition_patient ON lbp_condition (patient_id);

CREATE TABLE lbp_condition_structural_cause (
    condition_id VARCHAR(36) NOT NULL,
    cause        VARCHAR(32) NOT NULL,
    CONSTRAINT pk_lbp_condition_structural_cause PRIMARY KEY (condition_id, cause),
    CONSTRAINT fk_lbp_condition_structural_cause FOREIGN KEY (condition_id) REFERENCES lbp_condition (id)
);
