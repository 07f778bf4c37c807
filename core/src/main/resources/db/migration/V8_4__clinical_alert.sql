-- Issue 17 (SAFE-4): every alert raised for a care plan (PROG-3..7, ADH-2, SAFE-1..3), kept so it
-- can be acknowledged (who, when, note), listed across patients and read as a FHIR DetectedIssue.
-- The id is derived from plan, rule and evidence: the same evidence is the same alert, so an
-- acknowledged alert is not raised again. "current" is false once the rule no longer raises it.
CREATE TABLE clinical_alert (
    id               VARCHAR(64)   NOT NULL,
    version          BIGINT        NOT NULL,
    patient_id       VARCHAR(64)   NOT NULL,
    care_plan_id     VARCHAR(64)   NOT NULL,
    rule_id          VARCHAR(16)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    topic            VARCHAR(200)  NOT NULL,
    evidence_key     VARCHAR(250)  NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    lapsed_at        TIMESTAMP WITH TIME ZONE,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    acknowledged_by  VARCHAR(200),
    acknowledge_note VARCHAR(2000),
    CONSTRAINT pk_clinical_alert PRIMARY KEY (id)
);

CREATE INDEX ix_clinical_alert_plan ON clinical_alert (care_plan_id, lapsed_at);
CREATE INDEX ix_clinical_alert_patient ON clinical_alert (patient_id, raised_at);
CREATE INDEX ix_clinical_alert_open ON clinical_alert (lapsed_at, acknowledged_at);
