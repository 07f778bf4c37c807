package app.lumbra.safety.application;

import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.context.domain.ContextRecord;
import app.lumbra.context.domain.ContextRecords;
import app.lumbra.context.domain.SearchToken;
import app.lumbra.patient.domain.PatientId;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.safety.domain.AdverseResponse;
import app.lumbra.safety.domain.AdverseResponseRepository;
import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.ContraindicationChecklist;
import app.lumbra.safety.domain.ContraindicationChecklistRepository;
import app.lumbra.safety.domain.ContraindicationCodes;
import app.lumbra.safety.domain.ContraindicationFinding;
import app.lumbra.safety.domain.PlanSafetyFacts;
import app.lumbra.safety.domain.RedFlagScreen;
import app.lumbra.safety.domain.RedFlagScreenRepository;
import app.lumbra.safety.domain.Region;
import app.lumbra.safety.domain.SafetyAlert;
import app.lumbra.safety.domain.SafetyRules;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Safety use cases (SAFE-1..3) and the guards the care plan and session modules call, so that every
 * channel (portal, FHIR, demo data) gets the same refusals. Each write is one transaction; the
 * guards only read and throw a {@link app.lumbra.shared.RuleViolationException} naming the rule.
 *
 * <p>A patient's contraindications come from the clinician's checklist and from their Conditions
 * matched by code ({@link ContraindicationCodes}): the problems an EHR sent, kept as clinical
 * context. Lumbra's own Conditions are the low-back pain itself and carry no such codes.
 */
@ApplicationScoped
@Transactional
public class SafetyService {

  /** SAFE-2 (default): spinal surgery this recent is a precaution. */
  public static final int RECENT_SURGERY_WEEKS = 6;

  private static final int MAX_CONTEXT_CONDITIONS = 200;

  private RedFlagScreenRepository screens;
  private ContraindicationChecklistRepository checklists;
  private AdverseResponseRepository responses;
  private ContextRecords context;
  private PatientRepository patients;
  private Supplier<PlanOwners> owners;
  private Clock clock;
  private Consumer<RedFlagScreenRecorded> announce = recorded -> {};

  /** For the CDI proxy only. */
  protected SafetyService() {}

  @Inject
  public SafetyService(
      RedFlagScreenRepository screens,
      ContraindicationChecklistRepository checklists,
      AdverseResponseRepository responses,
      ContextRecords context,
      PatientRepository patients,
      Instance<PlanOwners> owners,
      Clock clock,
      Event<RedFlagScreenRecorded> screenRecorded) {
    this(
        screens,
        checklists,
        responses,
        context,
        patients,
        () -> {
          if (!owners.isResolvable()) {
            throw new IllegalStateException(
                "No single PlanOwners implementation is deployed; safety records need care plans");
          }
          return owners.get();
        },
        clock);
    this.announce = screenRecorded::fire;
  }

  /** Without CDI, e.g. in tests. */
  public SafetyService(
      RedFlagScreenRepository screens,
      ContraindicationChecklistRepository checklists,
      AdverseResponseRepository responses,
      ContextRecords context,
      PatientRepository patients,
      PlanOwners owners,
      Clock clock) {
    this(screens, checklists, responses, context, patients, () -> owners, clock);
  }

  private SafetyService(
      RedFlagScreenRepository screens,
      ContraindicationChecklistRepository checklists,
      AdverseResponseRepository responses,
      ContextRecords context,
      PatientRepository patients,
      Supplier<PlanOwners> owners,
      Clock clock) {
    this.screens = screens;
    this.checklists = checklists;
    this.responses = responses;
    this.context = context;
    this.patients = patients;
    this.owners = owners;
    this.clock = clock;
  }

  // SAFE-1

  /**
   * SAFE-1: records a red-flag screen of the plan; the newest screen is the plan's current one. The
   * screen is announced ({@link RedFlagScreenRecorded}) so that it is exchanged over FHIR too.
   *
   * @throws NotFoundException when the plan does not exist
   */
  public RedFlagScreenView recordScreen(@NotNull @Valid RecordRedFlagScreen command) {
    RedFlagScreenView screen = record(command);
    announce.accept(new RedFlagScreenRecorded(screen));
    return screen;
  }

  /**
   * SAFE-1: records a screen an exchange partner sent, which the partner's own panel already
   * represents over FHIR, so it is not announced.
   *
   * @throws NotFoundException when the plan does not exist
   */
  public RedFlagScreenView recordExchangedScreen(@NotNull @Valid RecordRedFlagScreen command) {
    return record(command);
  }

  private RedFlagScreenView record(RecordRedFlagScreen command) {
    String patient = patientOfPlan(command.carePlanId());
    RedFlagScreen screen =
        RedFlagScreen.record(
            patient,
            command.carePlanId(),
            command.positive(),
            command.note(),
            command.author(),
            clock);
    screens.add(screen);
    return RedFlagScreenView.of(screen);
  }

  /** SAFE-1: the plan's current (newest) screen, if one was recorded. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<RedFlagScreenView> currentScreen(@NotNull String carePlanId) {
    return screens.currentFor(carePlanId).map(RedFlagScreenView::of);
  }

  /** SAFE-1: every screen of the plan, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RedFlagScreenView> screens(@NotNull String carePlanId) {
    return screens.forPlan(carePlanId).stream().map(RedFlagScreenView::of).toList();
  }

  /**
   * SAFE-1: refuses booking a session of the plan while its current screen is positive; a plan
   * without a screen may book (it carries an alert instead).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkBooking(@NotNull String carePlanId) {
    SafetyRules.refuseIfPositive(screens.currentFor(carePlanId), "Booking a session");
  }

  // SAFE-2

  /** SAFE-2: records the clinician's checklist; it replaces the previous one. */
  public ChecklistView recordChecklist(@NotNull @Valid RecordChecklist command) {
    PatientId patient = patients.get(PatientId.of(command.patientId())).id();
    ContraindicationChecklist checklist =
        ContraindicationChecklist.record(
            patient.value(),
            command.present(),
            command.lesionRegions(),
            command.confirmed(),
            command.note(),
            command.author(),
            clock);
    checklists.add(checklist);
    return ChecklistView.of(checklist);
  }

  /** SAFE-2: the patient's current checklist, if the clinician has filled one in. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChecklistView> checklist(@NotNull String patientId) {
    return checklists.currentFor(patientId).map(ChecklistView::of);
  }

  /** SAFE-2: the patient's contraindications from the checklist and from coded Conditions. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ContraindicationView> contraindicationsOf(@NotNull String patientId) {
    return findings(patientId).stream().map(ContraindicationView::of).toList();
  }

  /** SAFE-2: the technique and region code names no plan of the patient may use. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RuledOut ruledOut(@NotNull String patientId) {
    List<ContraindicationFinding> findings = findings(patientId);
    Set<String> regions = new TreeSet<>();
    SafetyRules.ruledOutRegions(findings).forEach(region -> regions.add(region.name()));
    return new RuledOut(SafetyRules.ruledOutTechniques(findings), regions);
  }

  /** SAFE-2: technique and region code names ruled out for a patient. */
  public record RuledOut(Set<String> techniques, Set<String> regions) {}

  /**
   * SAFE-2: refuses plan content that uses a ruled-out technique or region for the patient (create,
   * edit, replace).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkPlanContent(
      @NotNull String patientId, @NotNull Set<String> techniques, @NotNull Set<String> regions) {
    SafetyRules.refuseIfRuledOut(findings(patientId), techniques, regions, false);
  }

  /**
   * SAFE-1 and SAFE-2 before a plan becomes active: no positive current screen, no ruled-out
   * technique or region, every precaution confirmed.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkActivation(
      String carePlanId,
      @NotNull String patientId,
      @NotNull Set<String> techniques,
      @NotNull Set<String> regions) {
    if (carePlanId != null) {
      SafetyRules.refuseIfPositive(screens.currentFor(carePlanId), "Activating the plan");
    }
    SafetyRules.refuseIfRuledOut(findings(patientId), techniques, regions, true);
  }

  // SAFE-3

  /**
   * SAFE-3: records an adverse response after a session of the plan.
   *
   * @throws NotFoundException when the plan does not exist
   */
  public AdverseResponseView recordAdverseResponse(@NotNull @Valid RecordAdverseResponse command) {
    String patient = patientOfPlan(command.carePlanId());
    AdverseResponse response =
        AdverseResponse.record(
            patient,
            command.carePlanId(),
            command.sessionId(),
            command.kind(),
            command.noticedOn(),
            command.note(),
            command.author(),
            clock);
    responses.add(response);
    return AdverseResponseView.of(response);
  }

  /** SAFE-3: the plan's adverse responses, by the day they were noticed. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AdverseResponseView> adverseResponses(@NotNull String carePlanId) {
    return responses.forPlan(carePlanId).stream().map(AdverseResponseView::of).toList();
  }

  // SAFE-4

  /** The safety alerts of a plan (SAFE-1..3), for the alert list. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SafetyAlert> alertsFor(@NotNull PlanSafetyFacts plan) {
    return SafetyRules.alerts(
        plan,
        screens.forPlan(plan.carePlanId()),
        findings(plan.patientId()),
        responses.forPlan(plan.carePlanId()));
  }

  private String patientOfPlan(String carePlanId) {
    return owners
        .get()
        .patientOf(carePlanId)
        .orElseThrow(() -> new NotFoundException("CarePlan", carePlanId));
  }

  /** The checklist's findings, then those of the patient's coded Conditions. */
  private List<ContraindicationFinding> findings(String patientId) {
    List<ContraindicationFinding> findings = new ArrayList<>();
    checklists.currentFor(patientId).ifPresent(checklist -> findings.addAll(checklist.findings()));
    EnumSet<Contraindication> confirmed =
        checklists
            .currentFor(patientId)
            .map(ContraindicationChecklist::confirmed)
            .orElse(EnumSet.noneOf(Contraindication.class));
    EnumSet<Region> lesionRegions =
        checklists
            .currentFor(patientId)
            .map(ContraindicationChecklist::lesionRegions)
            .orElse(EnumSet.noneOf(Region.class));
    for (ContextRecord condition : contextConditions(patientId)) {
      if (!active(condition)) {
        continue;
      }
      for (SearchToken token : condition.tokens()) {
        if (!"code".equals(token.param())) {
          continue;
        }
        Optional<Contraindication> found = ContraindicationCodes.of(token.system(), token.code());
        if (found.isEmpty() || !recentEnough(found.get(), condition)) {
          continue;
        }
        Contraindication what = found.get();
        boolean lesion = what == Contraindication.SKIN_LESION;
        findings.add(
            new ContraindicationFinding(
                what,
                lesion ? lesionRegions : Set.of(),
                "Condition "
                    + condition.recordId()
                    + " from the EHR, "
                    + systemName(token.system())
                    + " "
                    + token.code(),
                confirmed.contains(what)));
      }
    }
    return findings;
  }

  private List<ContextRecord> contextConditions(String patientId) {
    return context.search(
        new ContextCriteria("Condition", patientId, null, null, null, null, null, null, false),
        0,
        MAX_CONTEXT_CONDITIONS);
  }

  /** A Condition counts unless its clinical status says it is over. */
  private static boolean active(ContextRecord condition) {
    return condition
        .status()
        .map(status -> !Set.of("resolved", "inactive", "remission").contains(status))
        .orElse(true);
  }

  /** SAFE-2: spinal surgery counts when in the last 6 weeks, or when its date is unknown. */
  private boolean recentEnough(Contraindication what, ContextRecord condition) {
    if (what != Contraindication.RECENT_SPINAL_SURGERY) {
      return true;
    }
    OffsetDateTime since = OffsetDateTime.now(clock).minusWeeks(RECENT_SURGERY_WEEKS);
    return condition.clinicalDate().map(date -> date.isAfter(since)).orElse(true);
  }

  private static String systemName(String system) {
    if (ContraindicationCodes.ICD_10_CM.equals(system)) {
      return "ICD-10-CM";
    }
    return ContraindicationCodes.SNOMED_CT.equals(system) ? "SNOMED CT" : system;
  }
}
