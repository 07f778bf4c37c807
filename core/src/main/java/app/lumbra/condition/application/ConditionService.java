package app.lumbra.condition.application;

import app.lumbra.condition.domain.Condition;
import app.lumbra.condition.domain.ConditionFacts;
import app.lumbra.condition.domain.ConditionId;
import app.lumbra.condition.domain.ConditionOrder;
import app.lumbra.condition.domain.ConditionRepository;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.Severity;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.PageRequest;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Condition use cases for the FHIR adapter and the portal. Each method is one transaction; a
 * rejected command stores nothing. Every accepted change fires {@link ConditionChanged} inside that
 * transaction, whichever channel made it.
 */
@ApplicationScoped
@Transactional
public class ConditionService {

  private ConditionRepository conditions;
  private PatientRepository patients;
  private Clock clock;
  private Event<ConditionChanged> changes;

  /** For the CDI proxy only. */
  protected ConditionService() {}

  @Inject
  public ConditionService(
      ConditionRepository conditions,
      PatientRepository patients,
      Clock clock,
      Event<ConditionChanged> changes) {
    this.conditions = conditions;
    this.patients = patients;
    this.clock = clock;
    this.changes = changes;
  }

  /**
   * Records a new active condition.
   *
   * @throws NotFoundException when the patient does not exist
   * @throws IdInUseException when the requested id is already a condition's (FHIR-8)
   */
  public ConditionView record(@NotNull @Valid RecordCondition command) {
    PatientId patient = patients.get(PatientId.of(command.patientId())).id();
    ConditionId id = ConditionId.requestedOrRandom(command.id());
    if (command.id() != null && conditions.find(id).isPresent()) {
      throw new IdInUseException("Condition", id.value());
    }
    Condition condition =
        Condition.record(
            id,
            patient,
            facts(
                command.onsetType(),
                command.onsetDate(),
                command.painScore(),
                command.severity(),
                command.structuralCauses(),
                command.note()),
            clock);
    conditions.add(condition);
    return changed(null, condition);
  }

  /**
   * Replaces what is known about a condition.
   *
   * @throws VersionConflictException when the condition changed since {@code expectedVersion}
   */
  public ConditionView revise(@NotNull @Valid ReviseCondition command) {
    Condition condition = current(command.conditionId(), command.expectedVersion());
    ConditionView previous = ConditionView.of(condition);
    condition.revise(
        facts(
            command.onsetType(),
            command.onsetDate(),
            command.painScore(),
            command.severity(),
            command.structuralCauses(),
            command.note()),
        clock);
    conditions.flush(condition);
    return changed(previous, condition);
  }

  /**
   * Replaces what is known about a condition and, when {@code resolvedOn} is given, marks it
   * resolved on that date, in one transaction (like a FHIR update). A resolved condition stays
   * resolved.
   *
   * @throws VersionConflictException when the condition changed since {@code expectedVersion}
   */
  public ConditionView replace(@NotNull @Valid ReviseCondition command, LocalDate resolvedOn) {
    Condition condition = current(command.conditionId(), command.expectedVersion());
    ConditionView previous = ConditionView.of(condition);
    if (condition.status() == ConditionStatus.RESOLVED && resolvedOn == null) {
      throw new InvalidValueException(
          "resolvedOn", null, "the date it resolved: a resolved condition stays resolved");
    }
    condition.revise(
        facts(
            command.onsetType(),
            command.onsetDate(),
            command.painScore(),
            command.severity(),
            command.structuralCauses(),
            command.note()),
        clock);
    if (resolvedOn != null
        && (condition.status() == ConditionStatus.ACTIVE
            || !resolvedOn.equals(condition.resolvedOn().orElse(null)))) {
      condition.resolve(resolvedOn, clock);
    }
    conditions.flush(condition);
    return changed(previous, condition);
  }

  /** Marks a condition resolved. */
  public ConditionView resolve(@NotNull @Valid ResolveCondition command) {
    Condition condition = current(command.conditionId(), command.expectedVersion());
    ConditionView previous = ConditionView.of(condition);
    condition.resolve(command.resolvedOn(), clock);
    conditions.flush(condition);
    return changed(previous, condition);
  }

  /**
   * Whether a condition has this id (update-as-create asks); never marks the caller's transaction
   * for rollback, unlike {@link #get}.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(@NotNull String conditionId) {
    return RecordIds.isValid(conditionId)
        && conditions.find(ConditionId.of(conditionId)).isPresent();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ConditionView get(@NotNull String conditionId) {
    return ConditionView.of(conditions.get(ConditionId.of(conditionId)));
  }

  /** The patient's conditions, most recent onset first; empty for a patient without any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ConditionView> listForPatient(@NotNull String patientId) {
    return conditions.listForPatient(PatientId.of(patientId)).stream()
        .map(ConditionView::of)
        .toList();
  }

  /**
   * A page of conditions, of one patient when {@code patientId} is not null, most recent onset
   * first, with the total count.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ConditionPage search(String patientId, int offset, int limit) {
    return search(patientId, ConditionOrder.ONSET_DESCENDING, offset, limit);
  }

  /** A page of conditions, of one patient when {@code patientId} is not null, in {@code order}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ConditionPage search(
      String patientId, @NotNull ConditionOrder order, int offset, int limit) {
    PageRequest.of(offset, limit);
    PatientId patient = patientId == null ? null : PatientId.of(patientId);
    List<ConditionView> page =
        conditions.search(patient, order, offset, limit).stream().map(ConditionView::of).toList();
    return new ConditionPage(page, offset, limit, conditions.count(patient));
  }

  private ConditionView changed(ConditionView previous, Condition condition) {
    ConditionView current = ConditionView.of(condition);
    changes.fire(new ConditionChanged(previous, current));
    return current;
  }

  private Condition current(String conditionId, long expectedVersion) {
    Condition condition = conditions.get(ConditionId.of(conditionId));
    if (condition.version() != expectedVersion) {
      throw new VersionConflictException(
          "Condition", condition.id(), expectedVersion, condition.version());
    }
    return condition;
  }

  private static ConditionFacts facts(
      OnsetType onsetType,
      LocalDate onsetDate,
      Integer painScore,
      SeverityCategory severity,
      Set<StructuralCause> causes,
      String note) {
    return new ConditionFacts(
        onsetType, onsetDate, new Severity(painScore, severity), causes, note);
  }
}
