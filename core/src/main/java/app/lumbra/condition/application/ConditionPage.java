package app.lumbra.condition.application;

import java.util.List;

/** One page of a condition search: the conditions, where the page starts and how many match. */
public record ConditionPage(List<ConditionView> conditions, int offset, int limit, long total) {

  public ConditionPage {
    conditions = List.copyOf(conditions);
  }
}
