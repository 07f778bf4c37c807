-- Issue 17 (SAFE-3): adverse responses after a session (soreness beyond 48 h, bruising, pain up by
-- 2 or more for more than a day, new numbness or tingling), one row per response.
CREATE TABLE adverse_response (
    id           VARCHAR(64)  NOT NULL,
    patient_id   VARCHAR(64)  NOT NULL,
    care_plan_id VARCHAR(64)  NOT NULL,
    session_id   VARCHAR(64),
    kind         VARCHAR(40)  NOT NULL,
    noticed_on   DATE         NOT NULL,
    note         VARCHAR(2000),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL,
    CONSTRAINT pk_adverse_response PRIMARY KEY (id),
    CONSTRAINT fk_adverse_response_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

CREATE INDEX ix_adverse_response_plan ON adverse_response (care_plan_id, noticed_on);
