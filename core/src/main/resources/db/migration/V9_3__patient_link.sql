-- OUT-5: a personal, expiring link a clinician sends a patient so that they can report between
-- sessions. Only a hash of the token is kept: the link itself is shown once, to the clinician.
CREATE TABLE patient_link (
    token_hash       VARCHAR(64)  NOT NULL,
    patient_id       VARCHAR(64)  NOT NULL,
    care_plan_id     VARCHAR(64)  NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by        VARCHAR(200) NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_reported_at TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_patient_link PRIMARY KEY (token_hash),
    CONSTRAINT fk_patient_link_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

CREATE INDEX ix_patient_link_plan ON patient_link (care_plan_id, last_reported_at);
