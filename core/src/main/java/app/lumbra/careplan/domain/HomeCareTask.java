package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

/**
 * PLAN-9: a home-care task (hydration, gentle stretching, prescribed exercises). Its {@code taskId}
 * stays the same across edits, so adherence (ADH-3) can be logged against it.
 */
@Embeddable
public class HomeCareTask {

  public static final int MAX_INSTRUCTIONS = 1000;

  @Column(name = "task_id", nullable = false, length = 36)
  private String taskId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 32)
  private HomeCareKind kind;

  @Column(name = "instructions", nullable = false, length = MAX_INSTRUCTIONS)
  private String instructions;

  protected HomeCareTask() {}

  /** A task; a null {@code taskId} makes a new one. */
  public static HomeCareTask of(String taskId, HomeCareKind kind, String instructions) {
    HomeCareTask task = new HomeCareTask();
    task.taskId = taskId == null ? UUID.randomUUID().toString() : taskId;
    task.kind = InvalidValueException.required("kind", kind, "a home-care kind");
    if (instructions == null
        || instructions.isBlank()
        || instructions.length() > MAX_INSTRUCTIONS) {
      throw new InvalidValueException(
          "instructions", instructions, "1 to " + MAX_INSTRUCTIONS + " characters");
    }
    task.instructions = instructions.strip();
    return task;
  }

  public String taskId() {
    return taskId;
  }

  public HomeCareKind kind() {
    return kind;
  }

  public String instructions() {
    return instructions;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HomeCareTask that
        && taskId.equals(that.taskId)
        && kind == that.kind
        && instructions.equals(that.instructions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, kind, instructions);
  }
}
