package app.lumbra.export.domain;

/**
 * Whose data an export covers: every patient (system level or all patients), the patients of one
 * group that is a care team ({@code GROUP}), or the patients one group lists ({@code PATIENT_LIST},
 * a cohort).
 */
public enum ExportReach {
  SYSTEM,
  ALL_PATIENTS,
  GROUP,
  PATIENT_LIST
}
