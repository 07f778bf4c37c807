-- The last time the instance running an export reported it alive. With several instances a job
-- runs on one of them and is polled on any: it is interrupted only when its heartbeat is stale,
-- not because the instance answering the poll is not the one running it.
ALTER TABLE export_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
UPDATE export_job SET heartbeat_at = requested_at;
