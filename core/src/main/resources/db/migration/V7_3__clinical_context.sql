-- Issue 12 (FHIR-1, FHIR-9): what partners send that is not about low-back pain (other problems,
-- vital signs, questionnaires) is kept as the patient's clinical context: each version's document,
-- with the values US Core searches by. Only the current version of a record (not superseded) is
-- searched.
CREATE TABLE context_record (
    id             VARCHAR(36)      NOT NULL,
    record_type    VARCHAR(32)      NOT NULL,
    record_id      VARCHAR(64)      NOT NULL,
    version_number BIGINT           NOT NULL,
    superseded_at  TIMESTAMP WITH TIME ZONE,
    patient_id     VARCHAR(64)      NOT NULL,
    status         VARCHAR(64),
    clinical_date  TIMESTAMP WITH TIME ZONE,
    last_updated   TIMESTAMP WITH TIME ZONE NOT NULL,
    document       VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_context_record PRIMARY KEY (id),
    CONSTRAINT uq_context_record UNIQUE (record_type, record_id, version_number)
);

CREATE INDEX ix_context_record_patient ON context_record (record_type, patient_id, superseded_at, clinical_date);
CREATE INDEX ix_context_record_updated ON context_record (record_type, superseded_at, last_updated);

-- The codes a record is searched by: param is category, code or clinical-status.
CREATE TABLE context_token (
    record_pk VARCHAR(36)  NOT NULL,
    param     VARCHAR(32)  NOT NULL,
    system    VARCHAR(255) NOT NULL,
    code      VARCHAR(255) NOT NULL,
    CONSTRAINT fk_context_token_record FOREIGN KEY (record_pk) REFERENCES context_record (id)
);

CREATE INDEX ix_context_token ON context_token (param, code, record_pk);
CREATE INDEX ix_context_token_record ON context_token (record_pk);
