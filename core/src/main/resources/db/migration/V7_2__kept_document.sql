-- Issue 12 (FHIR-1 "keep"): what an exchange partner sent that the domain does not model, kept as
-- the whole document of the version it was sent with. Written only when a partner's document says
-- more than the domain's projection; never updated. A read overlays the latest document at or
-- before the record's current version on the domain's projection.
CREATE TABLE kept_document (
    id             VARCHAR(36)      NOT NULL,
    record_type    VARCHAR(32)      NOT NULL,
    record_id      VARCHAR(64)      NOT NULL,
    version_number BIGINT           NOT NULL,
    document       VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_kept_document PRIMARY KEY (id),
    CONSTRAINT uq_kept_document UNIQUE (record_type, record_id, version_number)
);
