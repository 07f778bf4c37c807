package app.lumbra.fhir.careplan;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.context.application.ContextView;
import app.lumbra.exchange.application.CarePlanExchange;
import app.lumbra.exchange.application.CarePlanWrite;
import app.lumbra.exchange.application.PartnerDocument;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.vocabulary.Technique;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
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

/**
 * The FHIR writes of CarePlan, translated for the exchange use case ({@link CarePlanExchange},
 * which owns the transaction and the rules) and its answer translated back. A referral that carries
 * none of Lumbra's extensions is read with what the addressed condition says and the clinic's
 * defaults, and the answer's OperationOutcome lists what was assumed.
 */
@ApplicationScoped
public class CarePlanWrites {

  /** A referral names no technique: light and moderate work that no SAFE-2 rule rules out. */
  private static final Set<Technique> REFERRAL_TECHNIQUES =
      EnumSet.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING);

  /** The plan's goals are Goals of their own once written: the domain says which they are. */
  private static final Set<String> GOALS = Set.of("goal");

  private CarePlanExchange exchange;
  private Clock clock;
  private ReferralDefaults defaults;

  /** For the CDI proxy only. */
  protected CarePlanWrites() {}

  @Inject
  public CarePlanWrites(CarePlanExchange exchange, Clock clock, ReferralDefaults defaults) {
    this.exchange = exchange;
    this.clock = clock;
    this.defaults = defaults;
  }

  public MethodOutcome create(CarePlan sent) {
    MustUnderstand.check(sent);
    return write(sent, null, null);
  }

  /** Update; If-Match names the version a stale one is 412 for; a new id is a create (FHIR-8). */
  public MethodOutcome update(IdType id, CarePlan sent) {
    MustUnderstand.check(sent);
    return write(sent, id.getIdPart(), Versions.expected(id));
  }

  private MethodOutcome write(CarePlan sent, String id, Long expectedVersion) {
    boolean massage = CarePlanFhirMapper.isMassagePlan(sent);
    KeptResources.Answer<CarePlanView, CarePlan> answer =
        KeptResources.answering(asKept(sent), CarePlanFhirMapper::toFhir, GOALS);
    Written<CarePlanView> written;
    try {
      written =
          exchange.write(
              new CarePlanWrite(
                  id,
                  expectedVersion,
                  massage,
                  sent.getSubject().getReferenceElement().getIdPart(),
                  massage && sent.hasAddresses()
                      ? Refs.firstOf("CarePlan.addresses", "Condition", sent.getAddresses())
                      : null,
                  sent.getGoal().stream()
                      .map(
                          link ->
                              new IdType(link.getReference() == null ? "" : link.getReference()))
                      .filter(
                          goalId -> "Goal".equals(goalId.getResourceType()) && goalId.hasIdPart())
                      .map(IdType::getIdPart)
                      .toList(),
                  facts -> statement(sent, facts),
                  () -> ClinicalContext.toKeep(sent, id),
                  answer));
    } catch (RuleViolationException refused) {
      throw ClinicalContext.at(refused, "CarePlan");
    }
    return ClinicalContext.answer(written, answer);
  }

  /** The plan as Lumbra reads it, with the goals it has and those it may adopt. */
  private CarePlanWrite.Statement statement(CarePlan sent, CarePlanWrite.Facts facts) {
    Map<String, Adopted> adopted = adoptable(facts.linkedContextGoals());
    CarePlanView current = facts.current();
    CarePlanFhirMapper.CarePlanData data =
        CarePlanFhirMapper.toDomain(
            sent,
            goalId ->
                (current == null
                        ? Optional.<GoalData>empty()
                        : current.content().goals().stream()
                            .filter(goal -> goal.goalId().equals(goalId))
                            .findFirst())
                    .or(() -> Optional.ofNullable(adopted.get(goalId)).map(Adopted::goal)),
            assumed(facts.condition()));
    Map<String, PartnerDocument<GoalView>> documents = new HashMap<>();
    adopted.forEach((goalId, goal) -> documents.put(goalId, goal::beside));
    return new CarePlanWrite.Statement(
        data.patientId(),
        data.conditionId(),
        data.status(),
        data.content(),
        data.author(),
        data.assumed(),
        documents);
  }

  /** A partner's own Goal that a plan links and Lumbra can read as a goal, with its document. */
  private record Adopted(GoalData goal, Goal document) {

    /** The document kept beside the goal it became: the partner's, now naming its plan. */
    Optional<String> beside(GoalView written) {
      Goal kept = document.copy();
      GoalFhirMapper.setCarePlan(kept, written.carePlanId());
      return KeptResources.beside(kept, GoalFhirMapper.toFhir(written), Set.of());
    }
  }

  /**
   * FHIR-6 "Goal stands on its own": the linked Goals kept as the patient's clinical context that
   * Lumbra reads as goals (a description, at most a pain target). One Lumbra cannot read stays
   * linked and kept as sent.
   */
  private static Map<String, Adopted> adoptable(List<ContextView> linked) {
    Map<String, Adopted> adoptable = new HashMap<>();
    for (ContextView record : linked) {
      Goal goal =
          (Goal)
              LumbraFhirContext.r4().newJsonParser().parseResource(Goal.class, record.document());
      try {
        adoptable.put(
            record.recordId(), new Adopted(GoalFhirMapper.toDomain(goal, record.recordId()), goal));
      } catch (InvalidValueException notAGoalLumbraReads) {
        // Kept as the partner's, linked by reference (FHIR-1).
      }
    }
    return adoptable;
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
   * What a referral is read with (FHIR-6): onset, pain and severity from the condition that informs
   * it; the rest from the clinic's defaults.
   */
  private CarePlanFhirMapper.Assumed assumed(Optional<ConditionView> condition) {
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
