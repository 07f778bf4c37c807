-- PLAN-5 plans sessions of 30-60 minutes, but a performed session is recorded as it happened
-- (a 70-minute session is kept, with a warning); only implausible lengths are refused (OBS-4).
ALTER TABLE treatment_session DROP CONSTRAINT ck_treatment_session_duration;
ALTER TABLE treatment_session ADD CONSTRAINT ck_treatment_session_duration
    CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 480);
