package app.lumbra.condition.domain;

/** Whether the back pain is still being treated. */
public enum ConditionStatus {
  ACTIVE,
  RESOLVED
}
