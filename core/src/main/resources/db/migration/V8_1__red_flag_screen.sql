-- Issue 17 (SAFE-1): the red-flag screen for serious spinal pathology, recorded per care plan
-- before the first session and at each reassessment. A screen is never changed; the newest one of
-- a plan is its current screen. positive_items lists the items answered yes (comma-separated codes
-- of RedFlagItem), empty when the screen is clear.
CREATE TABLE red_flag_screen (
    id             VARCHAR(64)  NOT NULL,
    patient_id     VARCHAR(64)  NOT NULL,
    care_plan_id   VARCHAR(64)  NOT NULL,
    positive_items VARCHAR(400) NOT NULL,
    note           VARCHAR(2000),
    screened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    screened_by    VARCHAR(200) NOT NULL,
    CONSTRAINT pk_red_flag_screen PRIMARY KEY (id),
    CONSTRAINT fk_red_flag_screen_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_red_flag_screen_plan FOREIGN KEY (care_plan_id) REFERENCES care_plan (id)
);

CREATE INDEX ix_red_flag_screen_plan ON red_flag_screen (care_plan_id, screened_at);
