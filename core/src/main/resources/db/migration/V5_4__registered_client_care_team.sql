-- Care teams (issue 6): the care team patients a backend client creates over FHIR join. Optional:
-- without one, such patients join lumbra.fhir.default-care-team, or no team (administrators only).
ALTER TABLE registered_client ADD COLUMN care_team VARCHAR(64);
