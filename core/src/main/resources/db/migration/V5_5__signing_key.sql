-- Lumbra's own token signing key (issue 6), one per purpose, so the access tokens of the SMART
-- Backend Services endpoint survive a restart and every instance signs with the same key. The
-- private key is a JWK; only its public part is published (/auth/jwks).
CREATE TABLE signing_key (
    purpose     VARCHAR(32)    NOT NULL,
    version     BIGINT         NOT NULL,
    key_id      VARCHAR(64)    NOT NULL,
    private_jwk VARCHAR(10000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_signing_key PRIMARY KEY (purpose)
);
