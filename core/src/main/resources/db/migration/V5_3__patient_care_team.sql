-- Care teams (issue 6): the care team a patient belongs to. A clinician sees only the patients of
-- their own team (account.care_team); administrators see all. No row: the patient has no team.
CREATE TABLE patient_care_team (
    patient_id  VARCHAR(36) NOT NULL,
    version     BIGINT      NOT NULL,
    care_team   VARCHAR(64) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_patient_care_team PRIMARY KEY (patient_id),
    CONSTRAINT fk_patient_care_team_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

CREATE INDEX ix_patient_care_team_team ON patient_care_team (care_team);
