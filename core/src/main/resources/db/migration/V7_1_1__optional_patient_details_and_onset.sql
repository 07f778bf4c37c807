-- Issue 12 (FHIR-6): standard EHR input is understood. A patient needs only a family name, a
-- given name or an identifier (birth date and names are optional), and a low-back-pain condition
-- may come without an onset date (its onset type is then UNKNOWN). The name search keys stay
-- NOT NULL: they hold an empty string when the name is not known, so sorting is the same on H2
-- and PostgreSQL. DROP NOT NULL is understood by both.
ALTER TABLE patient ALTER COLUMN family_name DROP NOT NULL;
ALTER TABLE patient ALTER COLUMN given_names DROP NOT NULL;
ALTER TABLE patient ALTER COLUMN birth_date DROP NOT NULL;
ALTER TABLE lbp_condition ALTER COLUMN onset_date DROP NOT NULL;
