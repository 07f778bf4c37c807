package app.lumbra.outcome.domain;

import app.lumbra.shared.RecordIds;
import app.lumbra.shared.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * OUT-2: a completed reassessment of a care plan. Rules: it records pain, function (ODI or RMDQ)
 * and the red-flag screen (SAFE-1) together, so it refers to all three; it happened now and never
 * changes. The readings and the screen live in their own modules; this record links them.
 */
@Entity
@Table(name = "reassessment")
public class Reassessment {

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "care_plan_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String carePlanId;

  @Column(name = "completed_at", nullable = false)
  private OffsetDateTime completedAt;

  @Column(name = "completed_by", nullable = false, length = 200)
  private String completedBy;

  @Column(name = "pain_observation_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String painObservationId;

  @Column(name = "function_observation_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String functionObservationId;

  @Column(name = "red_flag_screen_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String redFlagScreenId;

  protected Reassessment() {}

  /** The reassessment the clinician just completed with these three records. */
  public static Reassessment complete(
      String patientId,
      String carePlanId,
      String painObservationId,
      String functionObservationId,
      String redFlagScreenId,
      String author,
      Clock clock) {
    Reassessment done = new Reassessment();
    done.id = TimeOrderedIds.next();
    done.patientId = RecordIds.check("patientId", patientId);
    done.carePlanId = RecordIds.check("carePlanId", carePlanId);
    done.painObservationId = RecordIds.check("painObservationId", painObservationId);
    done.functionObservationId = RecordIds.check("functionObservationId", functionObservationId);
    done.redFlagScreenId = RecordIds.check("redFlagScreenId", redFlagScreenId);
    done.completedBy = Authors.check(author);
    done.completedAt = OffsetDateTime.now(clock);
    return done;
  }

  public String id() {
    return id;
  }

  public String patientId() {
    return patientId;
  }

  public String carePlanId() {
    return carePlanId;
  }

  public OffsetDateTime completedAt() {
    return completedAt;
  }

  public String completedBy() {
    return completedBy;
  }

  public String painObservationId() {
    return painObservationId;
  }

  public String functionObservationId() {
    return functionObservationId;
  }

  public String redFlagScreenId() {
    return redFlagScreenId;
  }
}
