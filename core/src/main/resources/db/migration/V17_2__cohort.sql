-- Lists of patients exported together (FHIR Group of persons, Group/[id]/$export), beside the care
-- teams that are groups too. The members are kept in the order the client sent them.
CREATE TABLE cohort (
    id            VARCHAR(64)  NOT NULL,
    version       BIGINT       NOT NULL,
    name          VARCHAR(200),
    last_updated  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cohort PRIMARY KEY (id)
);

-- No key on (cohort_id, position): when members are replaced, EclipseLink moves rows to their new
-- positions one statement at a time, and a key on the position would refuse the intermediate states.
-- The cohort (its version) guards the list as a whole.
CREATE TABLE cohort_member (
    cohort_id   VARCHAR(64) NOT NULL,
    position    INTEGER     NOT NULL,
    patient_id  VARCHAR(64) NOT NULL,
    CONSTRAINT fk_cohort_member_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id) ON DELETE CASCADE
);

CREATE INDEX ix_cohort_member_cohort ON cohort_member (cohort_id, position);
