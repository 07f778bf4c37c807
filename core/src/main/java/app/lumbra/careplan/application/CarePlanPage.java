package app.lumbra.careplan.application;

import java.util.List;

/** One page of a care plan search: the plans, where the page starts and how many match. */
public record CarePlanPage(List<CarePlanView> plans, int offset, int limit, long total) {

  public CarePlanPage {
    plans = List.copyOf(plans);
  }
}
