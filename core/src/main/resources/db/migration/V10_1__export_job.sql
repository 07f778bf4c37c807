-- Bulk Data export jobs: kept in the database so a client polling after a restart still finds its
-- job, its manifest and the files on disk; deleted with the files once expires_at has passed.
CREATE TABLE export_job (
    id              VARCHAR(36)   NOT NULL,
    version         BIGINT        NOT NULL,
    requester       VARCHAR(200)  NOT NULL,
    reach           VARCHAR(16)   NOT NULL,
    group_id        VARCHAR(64),
    resource_types  VARCHAR(500)  NOT NULL,
    since           TIMESTAMP WITH TIME ZONE,
    request_url     VARCHAR(2000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    patients_done   INTEGER       NOT NULL,
    patients_total  INTEGER       NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE,
    failure         VARCHAR(1000),
    CONSTRAINT pk_export_job PRIMARY KEY (id)
);

CREATE INDEX ix_export_job_expires ON export_job (expires_at);

-- One NDJSON file of a finished export: its resource type, file name and number of lines.
CREATE TABLE export_output (
    job_id         VARCHAR(36)  NOT NULL,
    position       INTEGER      NOT NULL,
    resource_type  VARCHAR(64)  NOT NULL,
    file_name      VARCHAR(200) NOT NULL,
    line_count     BIGINT       NOT NULL,
    CONSTRAINT pk_export_output PRIMARY KEY (job_id, position),
    CONSTRAINT fk_export_output_job FOREIGN KEY (job_id) REFERENCES export_job (id) ON DELETE CASCADE
);
