package app.lumbra.homecare.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Whether the patient did one home-care task of a care plan (PLAN-9) on one day; the basis of
 * ADH-3. There is at most one entry per plan, task and day: logging the same day again changes the
 * answer. A day in the future cannot be logged (OBS-4).
 *
 * <p>Tasks are referenced by the id the care plan gives them; plans and patients by id only.
 */
@Entity
@Table(name = "home_care_log")
public class HomeCareLogEntry {

  static final int MAX_ID_LENGTH = 64;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "care_plan_id", nullable = false, length = MAX_ID_LENGTH)
  private String carePlanId;

  @Column(name = "patient_id", nullable = false, length = MAX_ID_LENGTH)
  private String patientId;

  @Column(name = "task_id", nullable = false, length = MAX_ID_LENGTH)
  private String taskId;

  @Column(name = "log_day", nullable = false)
  private LocalDate day;

  @Column(name = "done", nullable = false)
  private boolean done;

  @Column(name = "logged_at", nullable = false)
  private OffsetDateTime loggedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected HomeCareLogEntry() {
    // for JPA
  }

  private HomeCareLogEntry(
      String carePlanId, String patientId, String taskId, LocalDate day, Clock clock) {
    this.id = UUID.randomUUID().toString();
    this.carePlanId = requiredId("carePlanId", carePlanId);
    this.patientId = requiredId("patientId", patientId);
    this.taskId = requiredId("taskId", taskId);
    this.day = pastOrToday(day, clock);
  }

  /** Logs a task for a day the first time. */
  public static HomeCareLogEntry log(
      String carePlanId,
      String patientId,
      String taskId,
      LocalDate day,
      boolean done,
      Clock clock) {
    HomeCareLogEntry entry = new HomeCareLogEntry(carePlanId, patientId, taskId, day, clock);
    entry.done = done;
    entry.loggedAt = OffsetDateTime.now(clock);
    return entry;
  }

  /** The patient changes the answer for a day already logged. */
  public void relog(boolean nowDone, Clock clock) {
    this.done = nowDone;
    this.loggedAt = OffsetDateTime.now(clock);
  }

  private static LocalDate pastOrToday(LocalDate day, Clock clock) {
    InvalidValueException.required("day", day, "a date not after today");
    LocalDate today = LocalDate.now(clock);
    if (day.isAfter(today)) {
      throw new InvalidValueException("day", day, "a date not after today (" + today + ")");
    }
    return day;
  }

  private static String requiredId(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new InvalidValueException(
          field, value, "a non-blank id of at most " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  public String id() {
    return id;
  }

  public String carePlanId() {
    return carePlanId;
  }

  public String patientId() {
    return patientId;
  }

  public String taskId() {
    return taskId;
  }

  public LocalDate day() {
    return day;
  }

  public boolean done() {
    return done;
  }

  public OffsetDateTime loggedAt() {
    return loggedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof HomeCareLogEntry that && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
