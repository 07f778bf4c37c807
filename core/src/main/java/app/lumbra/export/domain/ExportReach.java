package app.lumbra.export.domain;

/**
 * Whose data an export covers: every patient (system level or all patients) or the patients of one
 * group, which in Lumbra is a care team.
 */
public enum ExportReach {
  SYSTEM,
  ALL_PATIENTS,
  GROUP
}
