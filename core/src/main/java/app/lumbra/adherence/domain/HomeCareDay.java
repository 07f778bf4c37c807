package app.lumbra.adherence.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One logged day of one home-care task. */
public record HomeCareDay(String taskId, LocalDate day, boolean done) {
  public HomeCareDay {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(day, "day");
  }
}
