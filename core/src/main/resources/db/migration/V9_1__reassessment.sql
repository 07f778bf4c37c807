-- OUT-2: a completed reassessment of a care plan: the pain and function readings and the red-flag
-- screen it recorded (each kept in its own table; this row links them).
CREATE TABLE reassessment (
    id                      VARCHAR(64)  NOT NULL,
    patient_id              VARCHAR(64)  NOT NULL,
    care_plan_id            VARCHAR(64)  NOT NULL,
    completed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_by            VARCHAR(200) NOT NULL,
    pain_observation_id     VARCHAR(64)  NOT NULL,
    function_observation_id VARCHAR(64)  NOT NULL,
    red_flag_screen_id      VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_reassessment PRIMARY KEY (id),
    CONSTRAINT fk_reassessment_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

CREATE INDEX ix_reassessment_plan ON reassessment (care_plan_id, completed_at);
