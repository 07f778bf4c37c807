package app.lumbra.advice.application;

import app.lumbra.advice.domain.Advice;
import app.lumbra.advice.domain.AlertAdvicePolicy;
import app.lumbra.advice.domain.CodedFinding;
import app.lumbra.advice.domain.MassageOrderPolicy;
import app.lumbra.advice.domain.MassageOrderPolicy.Finding;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.application.AlertView;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.safety.application.ContraindicationView;
import app.lumbra.safety.application.RedFlagScreenView;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.ContraindicationCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Advice for clinicians in the EHR: which Lumbra patient the EHR's patient is, the patient's open
 * alerts (SAFE-4) and the reasons not to order massage (SAFE-1, SAFE-2). One transaction per call:
 * reading alerts refreshes them.
 */
@ApplicationScoped
@Transactional
public class EhrAdvice {

  private static final Set<PlanStatus> OPEN =
      EnumSet.of(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ON_HOLD);

  private PatientService patients;
  private AlertService alerts;
  private CarePlanService plans;
  private SafetyService safety;

  /** For the CDI proxy only. */
  protected EhrAdvice() {}

  @Inject
  public EhrAdvice(
      PatientService patients, AlertService alerts, CarePlanService plans, SafetyService safety) {
    this.patients = patients;
    this.alerts = alerts;
    this.plans = plans;
    this.safety = safety;
  }

  /**
   * The Lumbra patient the EHR means: the one with any of its {@code identifiers} (an MRN), else
   * the one under the EHR's own id (FHIR-8: EHRs may create patients under their ids).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> patientFor(List<IdentifierData> identifiers, String ehrPatientId) {
    for (IdentifierData identifier : identifiers) {
      Optional<String> found =
          patients.findByIdentifier(identifier.system(), identifier.value()).map(PatientView::id);
      if (found.isPresent()) {
        return found;
      }
    }
    return ehrPatientId != null && patients.exists(ehrPatientId)
        ? Optional.of(ehrPatientId)
        : Optional.empty();
  }

  /** The patient's open (current, unacknowledged) alerts as advice, most urgent first. */
  public List<Advice> forChart(String patientId) {
    return alerts.forPatient(patientId).stream()
        .filter(alert -> !alert.acknowledged())
        .map(EhrAdvice::advice)
        .toList();
  }

  private static Advice advice(AlertView alert) {
    return new Advice(
        AlertAdvicePolicy.urgencyOf(alert.kind()),
        alert.ruleId(),
        alert.title(),
        alert.reason(),
        alert.patientId());
  }

  /**
   * Why massage should not be ordered for the patient: the positive current screens of its open
   * plans and the contraindications Lumbra knows, plus those the EHR's {@code problems} name (the
   * patient may be unknown to Lumbra: then only those).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Advice> forMassageOrder(Optional<String> patientId, List<CodedFinding> problems) {
    List<String> referrals = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    if (patientId.isPresent()) {
      for (CarePlanView plan : plans.listForPatient(patientId.get())) {
        if (OPEN.contains(plan.status())) {
          safety
              .currentScreen(plan.id())
              .filter(RedFlagScreenView::isPositive)
              .map(RedFlagScreenView::referral)
              .filter(referral -> !referrals.contains(referral))
              .ifPresent(referrals::add);
        }
      }
      for (ContraindicationView known : safety.contraindicationsOf(patientId.get())) {
        findings.add(new Finding(known.contraindication(), known.source()));
      }
    }
    for (CodedFinding problem : problems) {
      ContraindicationCodes.of(problem.system(), problem.code())
          .ifPresent(
              found ->
                  findings.add(
                      new Finding(
                          found,
                          "the EHR's problem list: "
                              + (problem.text() == null ? problem.code() : problem.text()))));
    }
    return MassageOrderPolicy.adviceFor(patientId.orElse(null), referrals, findings);
  }
}
