package app.lumbra.careplan.domain;

import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.SessionLength;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every care-plan rule of PRODUCT.md section 1, each in one method that names its id. Numbers from
 * the evidence are constants here; numbers marked <em>default</em> come from {@link
 * CarePolicySettings}. The recommender and the checker both ask this class, so a recommended plan
 * and an edited one are judged by the same rules.
 */
public final class CarePolicy {

  /** PLAN-5: sessions last 30–60 minutes (bounds in {@link SessionLength}). */
  public static final int MIN_SESSION_MINUTES = SessionLength.MIN_MINUTES;

  public static final int MAX_SESSION_MINUTES = SessionLength.MAX_MINUTES;

  /** PLAN-3: 1–3 sessions per week in the initial phase, for 3–6 weeks. */
  public static final IntRange INITIAL_PER_WEEK = new IntRange(1, 3);

  /** PLAN-3: acute, severe pain starts at 2–3 per week. */
  public static final IntRange ACUTE_SEVERE_PER_WEEK = new IntRange(2, 3);

  public static final IntRange INITIAL_WEEKS = new IntRange(3, 6);

  /** PLAN-4: maintenance interval in weeks, by lifestyle. */
  public static final IntRange MAINTENANCE_WEEKS_DEFAULT = new IntRange(3, 4);

  public static final IntRange MAINTENANCE_WEEKS_DEMANDING = new IntRange(2, 2);
  public static final IntRange MAINTENANCE_WEEKS_DESK = new IntRange(2, 4);

  private static final double WEEKS_PER_MONTH = 52.0 / 12.0;

  private final CarePolicySettings settings;

  public CarePolicy(CarePolicySettings settings) {
    this.settings = settings;
  }

  public static CarePolicy withDefaults() {
    return new CarePolicy(CarePolicySettings.DEFAULTS);
  }

  public CarePolicySettings settings() {
    return settings;
  }

  /** PLAN-5: rejects a duration outside 30–60 minutes, naming the field and the range. */
  public static void checkSessionMinutes(int minutes) {
    SessionLength.check("sessionMinutes", minutes);
  }

  /**
   * PLAN-3: acute, severe pain — new onset, recent injury or flare-up with pain NRS at or above the
   * configured threshold (or recorded as SEVERE when no score is known). Subacute and chronic pain
   * are not, nor is pain whose onset is not known (FHIR-6): the plan then follows severity alone
   * and {@link #onsetNotKnown} says so.
   */
  public boolean isAcuteSevere(PatientFactors factors) {
    if (!factors.onsetType().isRecentOrFlareUp()) {
      return false;
    }
    return factors
        .severity()
        .score()
        .map(nrs -> nrs >= settings.acuteSevereNrs())
        .orElse(factors.severity().category() == SeverityCategory.SEVERE);
  }

  /**
   * PLAN-3, FHIR-6: what the clinician should know when the onset was not recorded — the initial
   * frequency was chosen from severity alone; empty when the onset is known.
   */
  public static Optional<String> onsetNotKnown(PatientFactors factors) {
    if (factors.onsetType().isKnown()) {
      return Optional.empty();
    }
    return Optional.of(
        "Onset not known: the initial phase follows the severity alone. Record whether the pain"
            + " is new, subacute, chronic or a flare-up; new or flared-up severe pain may start"
            + " at 2-3 sessions a week.");
  }

  /**
   * PLAN-3, FHIR-6: what the clinician should know when neither a severity nor a pain score was
   * recorded — the initial phase was planned as for moderate pain; empty when severity is known.
   */
  public static Optional<String> severityNotKnown(PatientFactors factors) {
    if (factors.severity().category().isKnown()) {
      return Optional.empty();
    }
    return Optional.of(
        "Severity not known: the initial phase is planned as for moderate pain (2 sessions a week"
            + " for 4 weeks). Record the pain score or the severity to plan by it.");
  }

  /**
   * PLAN-3's outer limit: more sessions a week than this, in any phase, is refused rather than
   * warned. The recommended range (1–3 a week, fewer later) is guidance and only warned about; a
   * frequency well beyond it (5 or more a week) leaves no time for the tissue to recover and is not
   * a plan Lumbra makes.
   */
  public static final int MOST_SESSIONS_PER_WEEK = 4;

  /**
   * Refuses a plan with a phase beyond {@link #MOST_SESSIONS_PER_WEEK} (PLAN-3).
   *
   * @throws app.lumbra.shared.RuleViolationException naming PLAN-3 and the phase
   */
  public static void refuseBeyondLimits(CarePlanContent plan) {
    for (int i = 0; i < plan.phases().size(); i++) {
      Frequency frequency = plan.phases().get(i).frequency();
      if (frequency.perWeek() > MOST_SESSIONS_PER_WEEK) {
        throw new RuleViolationException(
            "PLAN-3",
            "phases[" + i + "].frequency",
            frequency
                + " is more than "
                + MOST_SESSIONS_PER_WEEK
                + " sessions a week, which Lumbra does not plan (the recommended range of the"
                + " initial phase is 1-3 a week)");
      }
    }
  }

  /** PLAN-3: the recommended range (practice guidance) of initial sessions per week. */
  public IntRange initialPerWeek(PatientFactors factors) {
    return isAcuteSevere(factors) ? ACUTE_SEVERE_PER_WEEK : INITIAL_PER_WEEK;
  }

  /**
   * PLAN-3 by severity, capped by PLAN-6: acute severe 3 per week, otherwise severe or moderate 2,
   * mild 1; never more per week than the technique spacing allows.
   */
  public int recommendedInitialPerWeek(PatientFactors factors, boolean intensive) {
    int bySeverity;
    if (isAcuteSevere(factors)) {
      bySeverity = ACUTE_SEVERE_PER_WEEK.max();
    } else {
      bySeverity = severityOf(factors) == SeverityCategory.MILD ? 1 : 2;
    }
    IntRange allowed = initialPerWeek(factors);
    return Math.max(allowed.min(), Math.min(bySeverity, maxSessionsPerWeek(intensive)));
  }

  /** PLAN-3: initial phase length by severity — severe 6 weeks, moderate 4, mild 3. */
  public int initialWeeks(PatientFactors factors) {
    return switch (severityOf(factors)) {
      case SEVERE -> INITIAL_WEEKS.max();
      case MODERATE, UNKNOWN -> 4;
      case MILD -> INITIAL_WEEKS.min();
    };
  }

  private SeverityCategory severityOf(PatientFactors factors) {
    return isAcuteSevere(factors) ? SeverityCategory.SEVERE : factors.severity().category();
  }

  /**
   * PLAN-4: maintenance interval in weeks — every 2 weeks for high stress or a physically demanding
   * job / athlete, 2–4 weeks for a sedentary desk job, 3–4 weeks otherwise.
   */
  public IntRange maintenanceWeeks(Set<Lifestyle> lifestyles) {
    if (lifestyles.contains(Lifestyle.HIGH_STRESS)
        || lifestyles.contains(Lifestyle.PHYSICALLY_DEMANDING_JOB_OR_ATHLETE)) {
      return MAINTENANCE_WEEKS_DEMANDING;
    }
    if (lifestyles.contains(Lifestyle.SEDENTARY_DESK_JOB)) {
      return MAINTENANCE_WEEKS_DESK;
    }
    return MAINTENANCE_WEEKS_DEFAULT;
  }

  /** PLAN-4: the recommended interval, the middle of the range rounded down. */
  public int recommendedMaintenanceWeeks(Set<Lifestyle> lifestyles) {
    IntRange range = maintenanceWeeks(lifestyles);
    return (range.min() + range.max()) / 2;
  }

  /**
   * PLAN-6: the break needed before a session — the long one after a session that included
   * deep-tissue or trigger-point work, whatever comes next (a light session too: the tissue needs
   * the time either way), the short one after a light session.
   *
   * @param nextIntensive kept for callers that know it; the break depends on the previous session
   */
  public Duration requiredGap(boolean previousIntensive, boolean nextIntensive) {
    return Duration.ofHours(
        previousIntensive ? settings.intensiveGapHours() : settings.lightGapHours());
  }

  /** PLAN-6: how many sessions fit in a week with the required break between them. */
  public int maxSessionsPerWeek(boolean intensive) {
    return (int)
        Math.max(1, Duration.ofDays(7).toHours() / requiredGap(intensive, intensive).toHours());
  }

  /** PLAN-7: the regions a recommended plan works on. */
  public Set<TargetRegion> recommendedRegions() {
    return EnumSet.of(
        TargetRegion.LOWER_BACK,
        TargetRegion.HIPS,
        TargetRegion.GLUTES,
        TargetRegion.SURROUNDING_MUSCLES);
  }

  /**
   * PLAN-8: techniques by the patient's preferred intensity. Maintenance keeps firm work only for
   * patients who want it and otherwise stays light.
   */
  public Set<Technique> techniquesFor(IntensityPreference preference, PhaseKind phase) {
    return switch (preference) {
      case GENTLE -> EnumSet.of(Technique.LIGHT_SWEDISH, Technique.KNEADING);
      case MODERATE ->
          phase == PhaseKind.MAINTENANCE
              ? EnumSet.of(Technique.KNEADING, Technique.LIGHT_SWEDISH)
              : EnumSet.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING);
      case FIRM ->
          EnumSet.of(Technique.DEEP_TISSUE, Technique.TRIGGER_POINT, Technique.MYOFASCIAL_RELEASE);
    };
  }

  /** PLAN-1: the warning for a plan without exercise programme. */
  public static final String NO_EXERCISE_WARNING =
      "No exercise or physical-therapy programme is recorded. Massage works best as an adjunct to"
          + " prescribed exercise; add the programme the patient follows.";

  /**
   * PLAN-11: what the plan must state when the condition has a structural cause; empty when it has
   * none.
   */
  public static Optional<String> structuralCauseStatement(Set<StructuralCause> causes) {
    if (causes.isEmpty()) {
      return Optional.empty();
    }
    String named =
        causes.stream().sorted().map(StructuralCause::display).collect(Collectors.joining(", "));
    return Optional.of(
        "The condition records "
            + named
            + ". Massage can ease the surrounding muscles and soft tissue, but it does not correct"
            + " the underlying cause. Co-manage with the treating physician or physical therapist"
            + " and refer back if numbness, weakness or leg pain gets worse.");
  }

  /**
   * PLAN-12: what the evidence lets a patient expect, in the project's words. The session
   * frequencies are practice guidance ("the recommended range"), not part of this.
   */
  public static final String EXPECTATIONS =
      "What to expect: if massage helps, the relief is usually moderate and shows within the first"
          + " 4 to 8 weeks, most of all alongside the exercise programme. Whether the benefit lasts"
          + " longer is uncertain: it tends to fade once sessions stop, and maintenance sessions"
          + " have not been shown to keep it. The plan steps down gradually and reviews whether"
          + " further sessions are still helping.";

  /** PLAN-10: the cost of a busy month at this frequency (sessions per month rounded up). */
  public static Money monthlyCost(Frequency frequency, Money pricePerSession) {
    long sessionsPerMonth = Math.round(Math.ceil(frequency.perWeek() * WEEKS_PER_MONTH));
    return pricePerSession.times(sessionsPerMonth);
  }
}
