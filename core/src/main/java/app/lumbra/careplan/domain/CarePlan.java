package app.lumbra.careplan.domain;

import app.lumbra.condition.domain.ConditionId;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.RuleViolationException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan of massage sessions treating one patient's low-back pain (PLAN-1..14).
 *
 * <p>Rules: the content obeys the hard rules of {@link CarePlanContent} (PLAN-2 phase order, PLAN-5
 * durations); soft rules are reported by {@link PlanChecker}, never applied silently. Every change
 * records who made it and when, and raises the optimistic-lock version; the application layer
 * stores a snapshot per version so older versions stay readable (PLAN-14).
 *
 * <p>Lifecycle (PLAN-14, see {@link PlanStatus}): {@link #draft} → {@link #activate} → {@link
 * #putOnHold} / {@link #resume} → {@link #complete} or {@link #revoke}. Completed and revoked plans
 * no longer change.
 */
@Entity
@Table(name = "care_plan")
public class CarePlan {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "patient_id", nullable = false, length = 64)
  private String patientId;

  @Column(name = "condition_id", length = 64)
  private String conditionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private PlanStatus status;

  @Column(name = "title", length = CarePlanContent.MAX_TITLE)
  private String title;

  @Embedded private PatientFactors factors;

  @ElementCollection
  @CollectionTable(name = "care_plan_phase", joinColumns = @JoinColumn(name = "care_plan_id"))
  @OrderColumn(name = "position")
  private List<Phase> phases = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "care_plan_session", joinColumns = @JoinColumn(name = "care_plan_id"))
  @OrderColumn(name = "position")
  private List<PlannedSession> sessions = new ArrayList<>();

  @Column(name = "exercise_programme", length = CarePlanContent.MAX_TEXT)
  private String exerciseProgramme;

  @ElementCollection
  @CollectionTable(
      name = "care_plan_home_care_task",
      joinColumns = @JoinColumn(name = "care_plan_id"))
  @OrderColumn(name = "position")
  private List<HomeCareTask> homeCareTasks = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "care_plan_goal", joinColumns = @JoinColumn(name = "care_plan_id"))
  @OrderColumn(name = "position")
  private List<Goal> goals = new ArrayList<>();

  @Column(name = "co_management_flagged", nullable = false)
  private boolean coManagementFlagged;

  @Column(name = "expectations", length = CarePlanContent.MAX_TEXT)
  private String expectations;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_change", nullable = false, length = 16)
  private PlanChange lastChange;

  protected CarePlan() {}

  /** A new draft plan for the patient, optionally addressing one recorded condition. */
  public static CarePlan draft(
      PatientId patient,
      ConditionId condition,
      CarePlanContent content,
      String author,
      Clock clock) {
    return draft(CarePlanId.random(), patient, condition, content, author, clock);
  }

  /**
   * A new draft plan with the given id: a fresh one, or the one an EHR chose (FHIR-8); the
   * application service makes sure no other plan has it.
   */
  public static CarePlan draft(
      CarePlanId id,
      PatientId patient,
      ConditionId condition,
      CarePlanContent content,
      String author,
      Clock clock) {
    CarePlan plan = new CarePlan();
    plan.id = InvalidValueException.required("carePlanId", id, RecordIds.ALLOWED).value();
    plan.patientId = InvalidValueException.required("patientId", patient, "a patient id").value();
    plan.conditionId = condition == null ? null : condition.value();
    plan.status = PlanStatus.DRAFT;
    plan.apply(content);
    plan.createdAt = OffsetDateTime.now(clock);
    plan.createdBy = requireAuthor(author);
    plan.changed(PlanChange.CREATED, author, clock);
    return plan;
  }

  /** Replaces the content with the clinician's edit; not possible once completed or revoked. */
  public void revise(CarePlanContent content, String author, Clock clock) {
    if (status.isFinal()) {
      throw new RuleViolationException(
          "PLAN-14", "status", "a " + status + " plan can no longer be edited");
    }
    apply(content);
    changed(PlanChange.EDITED, author, clock);
  }

  public void activate(String author, Clock clock) {
    moveTo(
        PlanStatus.ACTIVE,
        status == PlanStatus.ON_HOLD ? PlanChange.RESUMED : PlanChange.ACTIVATED,
        author,
        clock);
  }

  public void putOnHold(String author, Clock clock) {
    moveTo(PlanStatus.ON_HOLD, PlanChange.PUT_ON_HOLD, author, clock);
  }

  public void resume(String author, Clock clock) {
    if (status != PlanStatus.ON_HOLD) {
      throw new RuleViolationException(
          "PLAN-14", "status", "only a plan on hold can resume; this one is " + status);
    }
    activate(author, clock);
  }

  public void complete(String author, Clock clock) {
    moveTo(PlanStatus.COMPLETED, PlanChange.COMPLETED, author, clock);
  }

  public void revoke(String author, Clock clock) {
    moveTo(PlanStatus.REVOKED, PlanChange.REVOKED, author, clock);
  }

  /** PLAN-14: only the moves {@link PlanStatus#next()} lists are allowed. */
  private void moveTo(PlanStatus target, PlanChange change, String author, Clock clock) {
    if (!status.next().contains(target)) {
      throw new RuleViolationException(
          "PLAN-14",
          "status",
          "a "
              + status
              + " plan cannot become "
              + target
              + (status.next().isEmpty() ? "" : "; allowed: " + status.next()));
    }
    status = target;
    changed(change, author, clock);
  }

  private void apply(CarePlanContent content) {
    InvalidValueException.required("content", content, "the plan content");
    title = content.title();
    factors = content.factors();
    phases.clear();
    phases.addAll(content.phases());
    sessions.clear();
    sessions.addAll(content.sessions());
    exerciseProgramme = content.exerciseProgramme();
    homeCareTasks.clear();
    homeCareTasks.addAll(content.homeCareTasks());
    goals.clear();
    goals.addAll(content.goals());
    coManagementFlagged = content.coManagementFlagged();
    expectations = content.expectations();
  }

  private void changed(PlanChange change, String author, Clock clock) {
    updatedBy = requireAuthor(author);
    updatedAt = OffsetDateTime.now(clock);
    lastChange = change;
  }

  private static String requireAuthor(String author) {
    if (author == null || author.isBlank() || author.length() > 200) {
      throw new InvalidValueException("author", author, "who made the change, 1 to 200 characters");
    }
    return author.strip();
  }

  public CarePlanContent content() {
    return new CarePlanContent(
        title,
        factors,
        phases,
        sessions,
        exerciseProgramme,
        homeCareTasks,
        goals,
        coManagementFlagged,
        expectations);
  }

  public CarePlanId id() {
    return CarePlanId.of(id);
  }

  public long version() {
    return version;
  }

  public PatientId patientId() {
    return PatientId.of(patientId);
  }

  public Optional<ConditionId> conditionId() {
    return Optional.ofNullable(conditionId).map(ConditionId::of);
  }

  public PlanStatus status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public PlanChange lastChange() {
    return lastChange;
  }
}
