-- EHRs an administrator allowed to launch the portal (SMART EHR launch), beside the ones named in
-- configuration. Read at every launch by whichever instance serves it, so one registered or removed
-- anywhere is known everywhere at once. An issuer belongs to one EHR only.
CREATE TABLE launching_ehr (
    name           VARCHAR(64)  NOT NULL,
    issuer         VARCHAR(500) NOT NULL,
    client_id      VARCHAR(200) NOT NULL,
    user_claim     VARCHAR(200) NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by  VARCHAR(100) NOT NULL,
    CONSTRAINT pk_launching_ehr PRIMARY KEY (name),
    CONSTRAINT uq_launching_ehr_issuer UNIQUE (issuer)
);
