-- Issue 4 (FHIR-2 _history and vread): versions of records whose own module keeps only the current
-- version, archived as the FHIR adapter emitted them. Never updated; one row per record version.
CREATE TABLE record_version (
    id             VARCHAR(36)      NOT NULL,
    record_type    VARCHAR(32)      NOT NULL,
    record_id      VARCHAR(64)      NOT NULL,
    version_number BIGINT           NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot       VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_record_version PRIMARY KEY (id),
    CONSTRAINT uq_record_version UNIQUE (record_type, record_id, version_number)
);

CREATE INDEX ix_record_version_type_time ON record_version (record_type, recorded_at);

-- Type-level CarePlan history lists the plan versions of all plans by the time they were made.
CREATE INDEX ix_care_plan_version_changed ON care_plan_version (changed_at);
