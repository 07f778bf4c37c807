-- Patients (issue 3). Ids are application-generated UUID strings, never IDENTITY columns.
CREATE TABLE patient (
    id              VARCHAR(36)  NOT NULL,
    version         BIGINT       NOT NULL,
    family_name     VARCHAR(200) NOT NULL,
    given_names     VARCHAR(200) NOT NULL,
    family_name_key VARCHAR(200) NOT NULL,
    given_names_key VARCHAR(200) NOT NULL,
    birth_date      DATE         NOT NULL,
    gender          VARCHAR(16),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_patient PRIMARY KEY (id)
);

-- Name search is a case-insensitive prefix match on the lower-cased key columns.
CREATE INDEX ix_patient_family_name_key ON patient (family_name_key);
CREATE INDEX ix_patient_given_names_key ON patient (given_names_key);

-- EHR identifiers (MRN system + value): the join key for FHIR conditional create; an
-- identifier belongs to one patient only. VALUE is reserved in H2, hence the prefixed names.
CREATE TABLE patient_identifier (
    patient_id VARCHAR(36)  NOT NULL,
    identifier_system VARCHAR(255) NOT NULL,
    identifier_value  VARCHAR(255) NOT NULL,
    CONSTRAINT fk_patient_identifier_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT uq_patient_identifier UNIQUE (identifier_system, identifier_value)
);

CREATE INDEX ix_patient_identifier_patient ON patient_identifier (patient_id);
