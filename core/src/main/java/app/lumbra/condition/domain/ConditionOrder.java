package app.lumbra.condition.domain;

/** How a page of conditions is ordered; ties are broken by id so pages never overlap. */
public enum ConditionOrder {
  ONSET,
  ONSET_DESCENDING,
  RECORDED,
  RECORDED_DESCENDING,
  LAST_UPDATED,
  LAST_UPDATED_DESCENDING
}
