package app.lumbra.selfreport.application;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * OUT-5: what the patient's page shows: whose plan, the home-care tasks to tick, when the link
 * expires. Nothing else of the record is shown.
 */
public record ReportForm(
    String patientName, String planTitle, List<Task> tasks, OffsetDateTime expiresAt) {

  /** A home-care task of the plan (PLAN-9). */
  public record Task(String taskId, String kind, String instructions) {}
}
