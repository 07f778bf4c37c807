-- Care plans (PLAN-1..14). Element collections keep their list position; sets of codes are
-- stored comma-separated in one column.
CREATE TABLE care_plan (
    id                    VARCHAR(36)   NOT NULL,
    version               BIGINT        NOT NULL,
    patient_id            VARCHAR(36)   NOT NULL,
    condition_id          VARCHAR(36),
    status                VARCHAR(16)   NOT NULL,
    title                 VARCHAR(200),
    onset_type            VARCHAR(16)   NOT NULL,
    pain_score            INTEGER,
    severity              VARCHAR(16)   NOT NULL,
    structural_causes     VARCHAR(200)  NOT NULL,
    intensity_preference  VARCHAR(16)   NOT NULL,
    lifestyles            VARCHAR(200)  NOT NULL,
    price_per_session     NUMERIC(10,2) NOT NULL,
    currency              VARCHAR(3)    NOT NULL,
    monthly_budget        NUMERIC(10,2),
    available_days        VARCHAR(100)  NOT NULL,
    preferred_time        VARCHAR(5)    NOT NULL,
    exercise_programme    VARCHAR(2000),
    co_management_flagged BOOLEAN       NOT NULL,
    expectations          VARCHAR(2000),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(200)  NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(200)  NOT NULL,
    last_change           VARCHAR(16)   NOT NULL,
    CONSTRAINT pk_care_plan PRIMARY KEY (id),
    CONSTRAINT fk_care_plan_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_care_plan_condition FOREIGN KEY (condition_id) REFERENCES lbp_condition (id)
);

CREATE INDEX ix_care_plan_patient ON care_plan (patient_id);
CREATE INDEX ix_care_plan_status ON care_plan (status);
CREATE INDEX ix_care_plan_updated_at ON care_plan (updated_at);

CREATE TABLE care_plan_phase (
    care_plan_id        VARCHAR(36)  NOT NULL,
    position            INTEGER      NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    start_date          DATE         NOT NULL,
    end_date            DATE,
    sessions_per_period INTEGER      NOT NULL,
    period_weeks        INTEGER      NOT NULL,
    session_minutes     INTEGER      NOT NULL,
    techniques          VARCHAR(200) NOT NULL,
    target_regions      VARCHAR(200) NOT NULL,
    CONSTRAINT fk_care_plan_phase FOREIGN KEY (care_plan_id) REFERENCES care_plan (id),
    CONSTRAINT ck_care_plan_phase_minutes CHECK (session_minutes BETWEEN 30 AND 60)
);

CREATE INDEX ix_care_plan_phase_plan ON care_plan_phase (care_plan_id);

CREATE TABLE care_plan_session (
    care_plan_id VARCHAR(36) NOT NULL,
    position     INTEGER     NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    minutes      INTEGER     NOT NULL,
    phase_index  INTEGER     NOT NULL,
    CONSTRAINT fk_care_plan_session FOREIGN KEY (care_plan_id) REFERENCES care_plan (id)
);

CREATE INDEX ix_care_plan_session_plan ON care_plan_session (care_plan_id);
CREATE INDEX ix_care_plan_session_starts_at ON care_plan_session (starts_at);

CREATE TABLE care_plan_home_care_task (
    care_plan_id VARCHAR(36)   NOT NULL,
    position     INTEGER       NOT NULL,
    task_id      VARCHAR(36)   NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    instructions VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_care_plan_home_care_task FOREIGN KEY (care_plan_id) REFERENCES care_plan (id)
);

CREATE INDEX ix_care_plan_home_care_task_plan ON care_plan_home_care_task (care_plan_id);
CREATE INDEX ix_care_plan_home_care_task_id ON care_plan_home_care_task (task_id);

CREATE TABLE care_plan_goal (
    care_plan_id        VARCHAR(36)  NOT NULL,
    position            INTEGER      NOT NULL,
    goal_id             VARCHAR(36)  NOT NULL,
    description         VARCHAR(500) NOT NULL,
    target_pain_at_most INTEGER,
    start_date          DATE         NOT NULL,
    due_date            DATE,
    status              VARCHAR(16)  NOT NULL,
    CONSTRAINT fk_care_plan_goal FOREIGN KEY (care_plan_id) REFERENCES care_plan (id)
);

CREATE INDEX ix_care_plan_goal_plan ON care_plan_goal (care_plan_id);

-- PLAN-14: one row per version, never updated; the snapshot is the whole plan as JSON text.
CREATE TABLE care_plan_version (
    id             VARCHAR(36)     NOT NULL,
    care_plan_id   VARCHAR(36)     NOT NULL,
    version_number BIGINT          NOT NULL,
    change_kind    VARCHAR(16)     NOT NULL,
    status         VARCHAR(16)     NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(200)    NOT NULL,
    snapshot       VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_care_plan_version PRIMARY KEY (id),
    CONSTRAINT fk_care_plan_version_plan FOREIGN KEY (care_plan_id) REFERENCES care_plan (id),
    CONSTRAINT uq_care_plan_version UNIQUE (care_plan_id, version_number)
);
