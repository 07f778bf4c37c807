-- Treatment sessions (OBS-3), symptom observations (OBS-1, OBS-2) and the home-care log (ADH-3).
-- Ids are application-generated UUID strings, never IDENTITY columns. Patients and care plans are
-- referenced by id without foreign keys: they belong to other modules, which may evolve their
-- tables on their own. Every date-time keeps its UTC offset in a column of its own, because
-- PostgreSQL stores only the instant of a TIMESTAMP WITH TIME ZONE.

CREATE TABLE treatment_session (
    id                       VARCHAR(36)  NOT NULL,
    version                  BIGINT       NOT NULL,
    care_plan_id             VARCHAR(64)  NOT NULL,
    patient_id               VARCHAR(64)  NOT NULL,
    scheduled_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_offset_seconds INTEGER      NOT NULL,
    planned_duration_minutes INTEGER,
    status                   VARCHAR(16)  NOT NULL,
    status_reason            VARCHAR(500),
    performed_at             TIMESTAMP WITH TIME ZONE,
    performed_offset_seconds INTEGER,
    duration_minutes         INTEGER,
    therapist                VARCHAR(200),
    pre_pain                 INTEGER,
    post_pain                INTEGER,
    soap_subjective          VARCHAR(4000),
    soap_objective           VARCHAR(4000),
    soap_assessment          VARCHAR(4000),
    soap_plan                VARCHAR(4000),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_treatment_session PRIMARY KEY (id),
    CONSTRAINT ck_treatment_session_status
        CHECK (status IN ('PLANNED', 'ATTENDED', 'MISSED', 'CANCELLED')),
    CONSTRAINT ck_treatment_session_planned_duration
        CHECK (planned_duration_minutes IS NULL OR planned_duration_minutes BETWEEN 30 AND 60),
    CONSTRAINT ck_treatment_session_duration
        CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 30 AND 60),
    CONSTRAINT ck_treatment_session_pre_pain CHECK (pre_pain IS NULL OR pre_pain BETWEEN 0 AND 10),
    CONSTRAINT ck_treatment_session_post_pain CHECK (post_pain IS NULL OR post_pain BETWEEN 0 AND 10)
);

CREATE INDEX ix_treatment_session_plan ON treatment_session (care_plan_id, scheduled_at);
CREATE INDEX ix_treatment_session_patient ON treatment_session (patient_id, scheduled_at);
CREATE INDEX ix_treatment_session_status ON treatment_session (status);

CREATE TABLE treatment_session_technique (
    session_id VARCHAR(36) NOT NULL,
    technique  VARCHAR(32) NOT NULL,
    CONSTRAINT pk_treatment_session_technique PRIMARY KEY (session_id, technique),
    CONSTRAINT fk_treatment_session_technique FOREIGN KEY (session_id) REFERENCES treatment_session (id)
);

CREATE TABLE treatment_session_region (
    session_id VARCHAR(36) NOT NULL,
    region     VARCHAR(32) NOT NULL,
    CONSTRAINT pk_treatment_session_region PRIMARY KEY (session_id, region),
    CONSTRAINT fk_treatment_session_region FOREIGN KEY (session_id) REFERENCES treatment_session (id)
);

CREATE TABLE symptom_observation (
    id                       VARCHAR(36)  NOT NULL,
    version                  BIGINT       NOT NULL,
    patient_id               VARCHAR(64)  NOT NULL,
    care_plan_id             VARCHAR(64),
    session_id               VARCHAR(36),
    code                     VARCHAR(32)  NOT NULL,
    score_value              INTEGER,
    morning_stiffness        BOOLEAN,
    category_value           VARCHAR(32),
    leg_pain_side            VARCHAR(16),
    reading_context          VARCHAR(16)  NOT NULL,
    source                   VARCHAR(16)  NOT NULL,
    effective_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_offset_seconds INTEGER      NOT NULL,
    recorded_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_symptom_observation PRIMARY KEY (id),
    CONSTRAINT ck_symptom_observation_score CHECK (score_value IS NULL OR score_value BETWEEN 0 AND 100),
    CONSTRAINT fk_symptom_observation_session FOREIGN KEY (session_id) REFERENCES treatment_session (id)
);

CREATE INDEX ix_symptom_observation_patient ON symptom_observation (patient_id, effective_at);
CREATE INDEX ix_symptom_observation_plan ON symptom_observation (care_plan_id, code, effective_at);
CREATE INDEX ix_symptom_observation_session ON symptom_observation (session_id);
CREATE INDEX ix_symptom_observation_code ON symptom_observation (code, effective_at);
CREATE INDEX ix_symptom_observation_effective ON symptom_observation (effective_at);

CREATE TABLE home_care_log (
    id           VARCHAR(36) NOT NULL,
    version      BIGINT      NOT NULL,
    care_plan_id VARCHAR(64) NOT NULL,
    patient_id   VARCHAR(64) NOT NULL,
    task_id      VARCHAR(64) NOT NULL,
    log_day      DATE        NOT NULL,
    done         BOOLEAN     NOT NULL,
    logged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_home_care_log PRIMARY KEY (id),
    CONSTRAINT uq_home_care_log_task_day UNIQUE (care_plan_id, task_id, log_day)
);

CREATE INDEX ix_home_care_log_patient ON home_care_log (patient_id);
