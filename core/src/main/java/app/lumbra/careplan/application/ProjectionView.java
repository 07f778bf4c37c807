package app.lumbra.careplan.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * PLAN-10: sessions and cost per calendar month ({@code month} as {@code YYYY-MM}), totals over the
 * scheduled sessions, and weekly time per phase; amounts in {@code currency}, {@code monthlyBudget}
 * null when there is none.
 */
public record ProjectionView(
    List<MonthView> months,
    int totalSessions,
    BigDecimal totalCost,
    String currency,
    List<PhaseLoadView> phaseLoads,
    BigDecimal monthlyBudget) {

  public record MonthView(String month, int sessions, BigDecimal cost, boolean overBudget) {}

  public record PhaseLoadView(
      int phaseIndex,
      String kind,
      double sessionsPerWeek,
      int minutesPerWeek,
      BigDecimal monthlyCost) {}
}
