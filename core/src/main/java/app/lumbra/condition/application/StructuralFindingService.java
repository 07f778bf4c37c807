package app.lumbra.condition.application;

import app.lumbra.condition.domain.ConditionRepository;
import app.lumbra.condition.domain.PatientStructuralCauses;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.condition.domain.StructuralFinding;
import app.lumbra.condition.domain.StructuralFindingRepository;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Set;

/**
 * PLAN-11 use cases: structural causes that the patient's record holds as problems of their own,
 * and the one answer to "which structural causes does this patient have", from the low-back-pain
 * conditions and these findings together. Each method is one transaction.
 */
@ApplicationScoped
@Transactional
public class StructuralFindingService {

  private StructuralFindingRepository findings;
  private ConditionRepository conditions;
  private PatientRepository patients;
  private Clock clock;

  /** For the CDI proxy only. */
  protected StructuralFindingService() {}

  @Inject
  public StructuralFindingService(
      StructuralFindingRepository findings,
      ConditionRepository conditions,
      PatientRepository patients,
      Clock clock) {
    this.findings = findings;
    this.conditions = conditions;
    this.patients = patients;
    this.clock = clock;
  }

  /**
   * Records a current structural finding of the patient.
   *
   * @throws NotFoundException when the patient does not exist
   * @throws IdInUseException when the requested id is already a finding's (FHIR-8)
   */
  public StructuralFindingView record(@NotNull @Valid RecordStructuralFinding command) {
    PatientId patient = patients.get(PatientId.of(command.patientId())).id();
    if (command.id() != null && findings.find(command.id()).isPresent()) {
      throw new IdInUseException("StructuralFinding", command.id());
    }
    StructuralFinding finding =
        StructuralFinding.record(command.id(), patient, command.cause(), clock);
    findings.add(finding);
    return StructuralFindingView.of(finding);
  }

  /**
   * The EHR resolved or withdrew the finding; it no longer counts for PLAN-11.
   *
   * @throws NotFoundException when there is no such finding
   */
  public StructuralFindingView end(@NotNull String findingId) {
    StructuralFinding finding = findings.get(findingId);
    finding.end(clock);
    return StructuralFindingView.of(finding);
  }

  /**
   * Whether a finding has this id. A question, not a failure: unlike {@link #get}, it never marks
   * the caller's transaction for rollback.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(@NotNull String findingId) {
    return findings.find(findingId).isPresent();
  }

  /** The finding with this id; throws {@link NotFoundException} when there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public StructuralFindingView get(@NotNull String findingId) {
    return StructuralFindingView.of(findings.get(findingId));
  }

  /**
   * PLAN-11: the structural causes of the patient's back pain, from their active low-back-pain
   * conditions and their current findings, wherever those came from.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<StructuralCause> structuralCausesOf(@NotNull String patientId) {
    PatientId patient = PatientId.of(patientId);
    return PatientStructuralCauses.of(
        conditions.listForPatient(patient), findings.currentFor(patient));
  }
}
