package app.lumbra.observation.application;

import java.util.List;

/**
 * One page of readings: the readings, where the page starts and how many match in all. When the
 * caller asked not to count ({@code totalKnown} false), {@code total} is a lower bound: the
 * readings up to the end of this page.
 */
public record ObservationPage(
    List<ObservationView> observations, int offset, int limit, long total, boolean totalKnown) {

  public ObservationPage {
    observations = List.copyOf(observations);
  }

  public ObservationPage(List<ObservationView> observations, int offset, int limit, long total) {
    this(observations, offset, limit, total, true);
  }

  public boolean hasNext() {
    return totalKnown ? offset + observations.size() < total : observations.size() == limit;
  }
}
