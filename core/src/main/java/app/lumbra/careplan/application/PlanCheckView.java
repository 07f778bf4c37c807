package app.lumbra.careplan.application;

import java.util.List;

/**
 * An edited plan as it would be saved (PLAN-13): its content (sessions rescheduled when asked),
 * projection (PLAN-10), warnings and the PLAN-11 statement (null without structural causes).
 *
 * @param rescheduled whether the sessions from now on were scheduled again from the phases
 */
public record PlanCheckView(
    PlanContentData content,
    ProjectionView projection,
    List<WarningView> warnings,
    String structuralCauseStatement,
    boolean rescheduled) {

  public PlanCheckView {
    warnings = List.copyOf(warnings);
  }
}
