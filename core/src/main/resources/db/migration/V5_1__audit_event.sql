-- Audit trail (issue 6): one row per access to patient data through FHIR or the portal, allowed
-- or denied. Append-only: the application inserts and selects, never updates or deletes.
-- Ids are application-generated UUID strings (no IDENTITY columns).
CREATE TABLE audit_event (
    id          VARCHAR(36)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    agent       VARCHAR(200)  NOT NULL,
    action      VARCHAR(32)   NOT NULL,
    entity      VARCHAR(1000) NOT NULL,
    patient_id  VARCHAR(64),
    outcome     VARCHAR(16)   NOT NULL,
    status      INTEGER       NOT NULL,
    detail      VARCHAR(1000),
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);

CREATE INDEX ix_audit_event_recorded ON audit_event (recorded_at);
CREATE INDEX ix_audit_event_patient ON audit_event (patient_id, recorded_at);
