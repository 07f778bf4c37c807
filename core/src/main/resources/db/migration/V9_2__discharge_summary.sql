-- OUT-3: the summary written when a plan is completed by discharge, one per plan: baseline and
-- final pain and function, sessions attended, adherence and the reason. The readings it rests on
-- are referenced by id (FHIR CarePlan.activity.outcomeReference).
CREATE TABLE discharge_summary (
    care_plan_id             VARCHAR(64)  NOT NULL,
    patient_id               VARCHAR(64)  NOT NULL,
    discharged_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    discharged_by            VARCHAR(200) NOT NULL,
    reason                   VARCHAR(32)  NOT NULL,
    note                     VARCHAR(2000),
    baseline_pain            DOUBLE PRECISION,
    final_pain               DOUBLE PRECISION,
    function_measure         VARCHAR(32),
    baseline_function        DOUBLE PRECISION,
    final_function           DOUBLE PRECISION,
    sessions_attended        INTEGER      NOT NULL,
    sessions_due             INTEGER      NOT NULL,
    home_care_share          DOUBLE PRECISION,
    improved                 VARCHAR(500) NOT NULL,
    worsened                 VARCHAR(500) NOT NULL,
    final_pain_observation_id     VARCHAR(64),
    final_function_observation_id VARCHAR(64),
    CONSTRAINT pk_discharge_summary PRIMARY KEY (care_plan_id),
    CONSTRAINT fk_discharge_summary_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
