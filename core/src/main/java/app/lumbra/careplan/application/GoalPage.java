package app.lumbra.careplan.application;

import java.util.List;

/** One page of a goal search: the goals, where the page starts and how many match. */
public record GoalPage(List<GoalView> goals, int offset, int limit, long total) {

  public GoalPage {
    goals = List.copyOf(goals);
  }
}
