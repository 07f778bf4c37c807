package app.lumbra.observation.application;

import java.util.List;

/** One page of readings: the readings, where the page starts and how many match in all. */
public record ObservationPage(
    List<ObservationView> observations, int offset, int limit, long total) {

  public ObservationPage {
    observations = List.copyOf(observations);
  }

  public boolean hasNext() {
    return offset + observations.size() < total;
  }
}
