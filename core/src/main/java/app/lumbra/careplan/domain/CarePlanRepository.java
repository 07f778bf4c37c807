package app.lumbra.careplan.domain;

import app.lumbra.patient.domain.PatientId;
import app.lumbra.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Port to the stored plans and their version history (PLAN-14). */
public interface CarePlanRepository {

  Optional<CarePlan> find(CarePlanId id);

  /** The plan with this id; throws {@link NotFoundException} when there is none. */
  default CarePlan get(CarePlanId id) {
    return find(id).orElseThrow(() -> new NotFoundException("CarePlan", id));
  }

  /** The patient's plans, newest first. */
  List<CarePlan> listForPatient(PatientId patient);

  /** One page of the plans matching {@code criteria}. */
  List<CarePlan> search(CarePlanCriteria criteria, int offset, int limit);

  long count(CarePlanCriteria criteria);

  /** The plan holding the goal with this id, if any. */
  Optional<CarePlan> findByGoal(String goalId);

  /** One page of goals matching {@code criteria}, by start date and goal id. */
  List<GoalRef> searchGoals(GoalCriteria criteria, int offset, int limit);

  long countGoals(GoalCriteria criteria);

  void add(CarePlan plan);

  /**
   * Writes pending changes now, so {@link CarePlan#version()} is the stored version; a concurrent
   * change surfaces as {@link app.lumbra.shared.VersionConflictException}.
   */
  void flush(CarePlan plan);

  void addVersion(CarePlanVersion version);

  /** The plan's versions, oldest first. */
  List<CarePlanVersion> versions(CarePlanId plan);

  Optional<CarePlanVersion> version(CarePlanId plan, long versionNumber);

  /** A page of the versions of all plans changed at or after {@code since}, newest first. */
  List<CarePlanVersion> versionsSince(OffsetDateTime since, int offset, int limit);

  long countVersionsSince(OffsetDateTime since);
}
