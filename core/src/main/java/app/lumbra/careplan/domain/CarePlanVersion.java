package app.lumbra.careplan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * PLAN-14: one stored version of a plan — who changed it, when, what kind of change — with a
 * snapshot of the whole plan as it was, so that older versions stay readable. Never changed once
 * written.
 */
@Entity
@Table(name = "care_plan_version")
public class CarePlanVersion {

  /** Room for a plan of a couple of years of sessions. */
  public static final int MAX_SNAPSHOT = 1_000_000;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "care_plan_id", nullable = false, length = 64)
  private String carePlanId;

  @Column(name = "version_number", nullable = false)
  private long versionNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_kind", nullable = false, length = 16)
  private PlanChange change;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private PlanStatus status;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  @Column(name = "changed_by", nullable = false, length = 200)
  private String changedBy;

  @Column(name = "snapshot", nullable = false, length = MAX_SNAPSHOT)
  private String snapshot;

  protected CarePlanVersion() {}

  /** The version the plan has right now, with {@code snapshot} describing it. */
  public static CarePlanVersion of(CarePlan plan, String snapshot) {
    CarePlanVersion version = new CarePlanVersion();
    version.id = UUID.randomUUID().toString();
    version.carePlanId = plan.id().value();
    version.versionNumber = plan.version();
    version.change = plan.lastChange();
    version.status = plan.status();
    version.changedAt = plan.updatedAt();
    version.changedBy = plan.updatedBy();
    version.snapshot = snapshot;
    return version;
  }

  public CarePlanId carePlanId() {
    return CarePlanId.of(carePlanId);
  }

  public long versionNumber() {
    return versionNumber;
  }

  public PlanChange change() {
    return change;
  }

  public PlanStatus status() {
    return status;
  }

  public OffsetDateTime changedAt() {
    return changedAt;
  }

  public String changedBy() {
    return changedBy;
  }

  public String snapshot() {
    return snapshot;
  }
}
