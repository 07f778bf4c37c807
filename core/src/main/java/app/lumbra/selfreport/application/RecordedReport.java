package app.lumbra.selfreport.application;

import app.lumbra.observation.application.ObservationView;
import java.util.List;

/** OUT-5: the plan a patient's report was recorded against and the readings it became. */
public record RecordedReport(String carePlanId, List<ObservationView> readings) {

  public RecordedReport {
    readings = List.copyOf(readings);
  }
}
