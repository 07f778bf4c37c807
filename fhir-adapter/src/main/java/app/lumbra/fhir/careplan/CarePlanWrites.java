package app.lumbra.fhir.careplan;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.ReplaceCarePlan;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.Technique;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/**
 * The FHIR write use cases of CarePlan, each in its own transaction (joined by a transaction
 * Bundle's). A plan with a massage activity (FHIR-6) is Lumbra's, checked by PLAN-1..14; any other
 * plan is the patient's clinical context (FHIR-1). A referral that carries none of Lumbra's
 * extensions is read with what the addressed condition says and the clinic's defaults, and the
 * answer's OperationOutcome lists what was assumed.
 */
@ApplicationScoped
@Transactional
public class CarePlanWrites {

  /** A referral names no technique: light and moderate work that no SAFE-2 rule rules out. */
  private static final Set<Technique> REFERRAL_TECHNIQUES =
      EnumSet.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING);

  /** The plan's goals are Goals of their own once written: the domain says which they are. */
  private static final Set<String> GOALS = Set.of("goal");

  private CarePlanService plans;
  private ConditionService conditions;
  private ClinicalContext context;
  private KeptResources kept;
  private Clock clock;
  private ReferralDefaults defaults;

  /** For the CDI proxy only. */
  protected CarePlanWrites() {}

  @Inject
  public CarePlanWrites(
      CarePlanService plans,
      ConditionService conditions,
      ClinicalContext context,
      KeptResources kept,
      Clock clock,
      ReferralDefaults defaults) {
    this.plans = plans;
    this.conditions = conditions;
    this.context = context;
    this.kept = kept;
    this.clock = clock;
    this.defaults = defaults;
  }

  public MethodOutcome create(CarePlan sent) {
    MustUnderstand.check(sent);
    if (!CarePlanFhirMapper.isMassagePlan(sent)) {
      return context.keep(sent, null, null);
    }
    return created(sent, null);
  }

  /** Update; If-Match names the version a stale one is 412 for; a new id is a create (FHIR-8). */
  public MethodOutcome update(IdType id, CarePlan sent) {
    MustUnderstand.check(sent);
    String planId = id.getIdPart();
    if (context.has("CarePlan", planId) || !CarePlanFhirMapper.isMassagePlan(sent)) {
      return context.keep(sent, planId, Versions.expected(id));
    }
    if (plans.patientOf(planId).isEmpty()) {
      return created(sent, planId);
    }
    CarePlanView current = plans.get(planId);
    Map<String, Adopted> adopted = adoptable(sent);
    CarePlanFhirMapper.CarePlanData data =
        CarePlanFhirMapper.toDomain(
            sent,
            goalId ->
                current.content().goals().stream()
                    .filter(goal -> goal.goalId().equals(goalId))
                    .findFirst()
                    .or(() -> Optional.ofNullable(adopted.get(goalId)).map(Adopted::goal)),
            assumed(sent));
    Long expected = Versions.expected(id);
    CarePlanView updated =
        plans.replace(
            new ReplaceCarePlan(
                planId,
                expected != null ? expected : current.version(),
                data.content(),
                data.status(),
                data.author()));
    adopt(adopted, updated);
    return answer(sent, updated, data, false);
  }

  private MethodOutcome created(CarePlan sent, String id) {
    Map<String, Adopted> adopted = adoptable(sent);
    CarePlanFhirMapper.CarePlanData data =
        CarePlanFhirMapper.toDomain(
            sent,
            goalId -> Optional.ofNullable(adopted.get(goalId)).map(Adopted::goal),
            assumed(sent));
    CarePlanView created =
        plans.create(
            new CreateCarePlan(
                id, data.patientId(), data.conditionId(), data.content(), data.author()),
            data.status());
    adopt(adopted, created);
    return answer(sent, created, data, true);
  }

  /** A partner's own Goal that a plan links and Lumbra can read as a goal, with its document. */
  private record Adopted(GoalData goal, Goal document) {}

  /**
   * FHIR-6 "Goal stands on its own": the Goals {@code CarePlan.goal} links that were kept as the
   * patient's clinical context (sent before the plan, without Lumbra's {@code care-plan} extension)
   * and that Lumbra reads as goals (a description, at most a pain target). They become the plan's
   * goals under their own ids; one Lumbra cannot read stays linked and kept as sent.
   */
  private Map<String, Adopted> adoptable(CarePlan sent) {
    Map<String, Adopted> adoptable = new HashMap<>();
    for (Reference link : sent.getGoal()) {
      IdType goalId = new IdType(link.getReference() == null ? "" : link.getReference());
      if (!"Goal".equals(goalId.getResourceType()) || !goalId.hasIdPart()) {
        continue;
      }
      context
          .read("Goal", goalId.getIdPart())
          .map(Goal.class::cast)
          .filter(goal -> samePatient(goal.getSubject(), sent.getSubject()))
          .ifPresent(
              goal -> {
                try {
                  adoptable.put(
                      goalId.getIdPart(),
                      new Adopted(GoalFhirMapper.toDomain(goal, goalId.getIdPart()), goal));
                } catch (InvalidValueException notAGoalLumbraReads) {
                  // Kept as the partner's, linked by reference (FHIR-1).
                }
              });
    }
    return adoptable;
  }

  private static boolean samePatient(Reference goal, Reference plan) {
    return goal.getReferenceElement().getIdPart() != null
        && goal.getReferenceElement().getIdPart().equals(plan.getReferenceElement().getIdPart());
  }

  /** The adopted goals are the plan's now: their documents are kept beside them (FHIR-1). */
  private void adopt(Map<String, Adopted> adopted, CarePlanView plan) {
    for (Map.Entry<String, Adopted> entry : adopted.entrySet()) {
      if (plan.content().goals().stream().anyMatch(g -> g.goalId().equals(entry.getKey()))) {
        context.release("Goal", entry.getKey());
        Goal document = entry.getValue().document().copy();
        GoalFhirMapper.setCarePlan(document, plan.id());
        kept.written(document, GoalFhirMapper.toFhir(plans.goal(entry.getKey())), Set.of());
      }
    }
  }

  private MethodOutcome answer(
      CarePlan sent, CarePlanView written, CarePlanFhirMapper.CarePlanData data, boolean created) {
    MethodOutcome outcome =
        new MethodOutcome(
                new IdType("CarePlan", written.id(), Long.toString(written.version())), created)
            .setResource(kept.written(asKept(sent), CarePlanFhirMapper.toFhir(written), GOALS));
    if (!data.assumed().isEmpty()) {
      OperationOutcome assumed = new OperationOutcome();
      for (String assumption : data.assumed()) {
        assumed
            .addIssue()
            .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.INFORMATIONAL)
            .setDiagnostics("Assumed: " + assumption);
      }
      outcome.setOperationOutcome(assumed);
    }
    return outcome;
  }

  /**
   * What is kept of a plan a partner sent: everything but the Goals it contained, which became
   * goals of the plan, each read as a Goal of its own (FHIR-1).
   */
  private static CarePlan asKept(CarePlan sent) {
    CarePlan kept = sent.copy();
    kept.getContained().removeIf(contained -> contained instanceof Goal);
    return kept;
  }

  /**
   * What a referral is read with (FHIR-6): onset, pain and severity from the condition the plan
   * addresses, or else the patient's latest active low-back-pain condition; the rest from the
   * clinic's defaults.
   */
  private CarePlanFhirMapper.Assumed assumed(CarePlan sent) {
    Optional<ConditionView> condition = Optional.empty();
    String conditionId =
        sent.hasAddresses()
            ? Refs.firstOf("CarePlan.addresses", "Condition", sent.getAddresses())
            : null;
    if (conditionId != null && conditions.exists(conditionId)) {
      condition = Optional.of(conditions.get(conditionId));
    } else if (conditionId == null && sent.getSubject().hasReference()) {
      String patientId = Refs.required("CarePlan.subject", "Patient", sent.getSubject());
      condition =
          conditions.listForPatient(patientId).stream()
              .filter(view -> view.status() == ConditionStatus.ACTIVE)
              .max(Comparator.comparing(ConditionView::recordedAt));
    }
    FactorsData factors =
        new FactorsData(
            condition.map(ConditionView::onsetType).orElse(null),
            condition.map(ConditionView::painScore).orElse(null),
            condition.map(ConditionView::severity).orElse(null),
            condition.map(ConditionView::structuralCauses).orElse(Set.of()),
            IntensityPreference.MODERATE,
            Set.of(),
            defaults.pricePerSession(),
            defaults.currency(),
            null,
            defaults.availableDays(),
            defaults.preferredTime());
    return new CarePlanFhirMapper.Assumed(
        factors, defaults.sessionMinutes(), REFERRAL_TECHNIQUES, LocalDate.now(clock));
  }

  /**
   * The clinic's defaults for what a referral does not say (MicroProfile Config): price per session
   * and its currency, the days and time sessions are booked on, and the session length (PLAN-5's
   * default).
   */
  @ApplicationScoped
  public static class ReferralDefaults {

    @Inject
    @ConfigProperty(name = "lumbra.referral.price-per-session", defaultValue = "0")
    BigDecimal pricePerSession;

    @Inject
    @ConfigProperty(name = "lumbra.referral.currency", defaultValue = "USD")
    String currency;

    @Inject
    @ConfigProperty(name = "lumbra.referral.days", defaultValue = "MONDAY,WEDNESDAY,FRIDAY")
    List<DayOfWeek> days;

    @Inject
    @ConfigProperty(name = "lumbra.referral.time", defaultValue = "10:00")
    LocalTime preferredTime;

    @Inject
    @ConfigProperty(name = "lumbra.care.session-minutes", defaultValue = "45")
    int sessionMinutes;

    BigDecimal pricePerSession() {
      return pricePerSession;
    }

    String currency() {
      return currency;
    }

    Set<DayOfWeek> availableDays() {
      return EnumSet.copyOf(days);
    }

    LocalTime preferredTime() {
      return preferredTime;
    }

    int sessionMinutes() {
      return sessionMinutes;
    }
  }
}
