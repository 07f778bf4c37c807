/**
 * Symptom observations (OBS-1, OBS-2, OBS-4): pain and symptom readings from sessions, diaries and
 * EHRs.
 */
package app.lumbra.observation;
