package app.lumbra.careplan.domain;

/** PLAN-2: the phases of a plan, in the only order they may follow each other. */
public enum PhaseKind {
  /** Intensive, therapeutic (PLAN-3). */
  INITIAL,
  /** Frequency reduced step by step as pain subsides and mobility improves. */
  TAPER,
  /** Preventive, once stable (PLAN-4). */
  MAINTENANCE
}
