-- SMART Backend Services: the client assertions already exchanged for a token, until they expire.
-- In the database rather than in each process, so that a replay is refused by every instance of a
-- cluster and after a restart; the primary key decides a race between two instances.
CREATE TABLE used_client_assertion (
    assertion_key VARCHAR(400)             NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_used_client_assertion PRIMARY KEY (assertion_key)
);

CREATE INDEX ix_used_client_assertion_expires ON used_client_assertion (expires_at);
