package app.lumbra.safety.application;

/**
 * SAFE-1: a screen was recorded in Lumbra (the portal, a reassessment), fired in the recording
 * transaction so that the FHIR adapter can publish it. A panel an EHR sent is not announced: it is
 * already kept as sent.
 */
public record RedFlagScreenRecorded(RedFlagScreenView screen) {}
