-- Issue 17 (SAFE-2): the clinician's contraindication checklist of a patient. Each save is a new
-- row; the newest is current. Columns hold comma-separated codes: present (Contraindication codes
-- ticked), lesion_regions (regions a skin lesion, infection or wound is on) and confirmed (the
-- precautions the clinician confirmed treatment is appropriate despite).
CREATE TABLE contraindication_checklist (
    id             VARCHAR(64)  NOT NULL,
    patient_id     VARCHAR(64)  NOT NULL,
    present        VARCHAR(400) NOT NULL,
    lesion_regions VARCHAR(200) NOT NULL,
    confirmed      VARCHAR(400) NOT NULL,
    note           VARCHAR(2000),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(200) NOT NULL,
    CONSTRAINT pk_contraindication_checklist PRIMARY KEY (id),
    CONSTRAINT fk_contraindication_checklist_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

CREATE INDEX ix_contraindication_checklist_patient
    ON contraindication_checklist (patient_id, recorded_at);
