-- SMART Backend Services clients (issue 6): registered by an administrator with their public keys
-- (PEM, JWK or JWK Set text) and the system/ scopes they may be granted.
CREATE TABLE registered_client (
    client_id      VARCHAR(100)   NOT NULL,
    version        BIGINT         NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    public_keys    VARCHAR(20000) NOT NULL,
    allowed_scopes VARCHAR(2000)  NOT NULL,
    enabled        BOOLEAN        NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_registered_client PRIMARY KEY (client_id)
);
