package app.lumbra.careplan.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PLAN-10: what the plan costs and takes — sessions and cost per calendar month (flagging months
 * over the budget), in total over the scheduled sessions, and time per week in each phase.
 */
public record PlanProjection(
    List<Month> months,
    int totalSessions,
    Money totalCost,
    List<PhaseLoad> phaseLoads,
    Optional<Money> monthlyBudget) {

  /** One calendar month of the schedule. */
  public record Month(YearMonth month, int sessions, Money cost, boolean overBudget) {}

  /** Weekly load of one phase, and what a busy month of it costs. */
  public record PhaseLoad(
      int phaseIndex,
      PhaseKind kind,
      double sessionsPerWeek,
      int minutesPerWeek,
      Money monthlyCost) {}

  /** Projects the plan's scheduled sessions and phases. */
  public static PlanProjection of(CarePlanContent plan) {
    Money price = plan.factors().pricePerSession();
    Optional<Money> budget = plan.factors().monthlyBudget();
    Map<YearMonth, Integer> perMonth = new TreeMap<>();
    plan.sessions()
        .forEach(session -> perMonth.merge(YearMonth.from(session.startsAt()), 1, Integer::sum));
    List<Month> months = new ArrayList<>();
    perMonth.forEach(
        (month, count) -> {
          Money cost = price.times(count);
          months.add(new Month(month, count, cost, budget.map(cost::exceeds).orElse(false)));
        });
    List<PhaseLoad> loads = new ArrayList<>();
    for (int i = 0; i < plan.phases().size(); i++) {
      Phase phase = plan.phases().get(i);
      double perWeek = phase.frequency().perWeek();
      loads.add(
          new PhaseLoad(
              i,
              phase.kind(),
              perWeek,
              (int) Math.round(perWeek * phase.sessionMinutes()),
              CarePolicy.monthlyCost(phase.frequency(), price)));
    }
    int total = plan.sessions().size();
    return new PlanProjection(
        List.copyOf(months), total, price.times(total), List.copyOf(loads), budget);
  }

  public List<Month> monthsOverBudget() {
    return months.stream().filter(Month::overBudget).toList();
  }
}
