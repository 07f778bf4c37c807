package app.lumbra.web.portal.demo;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.CreateCarePlan;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.PlanTransition;
import app.lumbra.careplan.application.RecommendCarePlan;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import app.lumbra.observation.application.ObservationService;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.domain.Gender;
import app.lumbra.session.application.MarkSessionMissed;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.RecordUnscheduledSession;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionReading;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.shared.SchemaReady;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads three patient journeys through the application services when {@code lumbra.demo-data=true}
 * (environment {@code LUMBRA_DEMO_DATA}), once per database: an acute flare-up that responds early,
 * a chronic desk-job back that does not improve (PROG-5), and a disc herniation with new shooting
 * leg pain (PROG-6, PLAN-11). Off by default; nothing here runs otherwise.
 */
@ApplicationScoped
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
  static final String SYSTEM = "urn:lumbra:demo";
  private static final String AUTHOR = "demo";

  @Inject
  @ConfigProperty(name = "lumbra.demo-data", defaultValue = "false")
  boolean enabled;

  @Inject PatientService patients;
  @Inject ConditionService conditions;
  @Inject CarePlanService plans;
  @Inject SessionService sessions;
  @Inject ObservationService observations;
  @Inject HomeCareService homeCare;
  @Inject Clock clock;

  void load(@Observes SchemaReady ready) {
    if (!enabled) {
      return;
    }
    if (patients.findByIdentifier(SYSTEM, "DEMO-1").isPresent()) {
      LOG.info("Demo data is already loaded");
      return;
    }
    journey(
        "DEMO-1",
        "Rivera",
        "Sofia",
        LocalDate.of(1986, 3, 14),
        Gender.FEMALE,
        OnsetType.FLARE_UP,
        8,
        SeverityCategory.SEVERE,
        Set.of(),
        Set.of(Lifestyle.PHYSICALLY_DEMANDING_JOB_OR_ATHLETE),
        5,
        session -> new int[] {Math.max(2, 8 - session), Math.max(1, 6 - session)},
        false);
    journey(
        "DEMO-2",
        "Lindqvist",
        "Erik",
        LocalDate.of(1971, 11, 2),
        Gender.MALE,
        OnsetType.CHRONIC,
        6,
        SeverityCategory.MODERATE,
        Set.of(),
        Set.of(Lifestyle.SEDENTARY_DESK_JOB, Lifestyle.HIGH_STRESS),
        7,
        session -> new int[] {6 - session % 2, 5},
        false);
    journey(
        "DEMO-3",
        "Haddad",
        "Nadia",
        LocalDate.of(1979, 6, 25),
        Gender.FEMALE,
        OnsetType.ACUTE,
        7,
        SeverityCategory.SEVERE,
        Set.of(StructuralCause.DISC_HERNIATION),
        Set.of(),
        3,
        session -> new int[] {7 - session / 2, 4},
        true);
    LOG.info("Loaded the demo patient journeys (lumbra.demo-data=true)");
  }

  private void journey(
      String mrn,
      String family,
      String given,
      LocalDate born,
      Gender gender,
      OnsetType onset,
      int pain,
      SeverityCategory severity,
      Set<StructuralCause> causes,
      Set<Lifestyle> lifestyles,
      int weeksAgo,
      IntFunction<int[]> painOfSession,
      boolean newLegPain) {
    LocalDate today = LocalDate.now(clock);
    LocalDate start = today.minusWeeks(weeksAgo);
    PatientView patient =
        patients.register(
            new RegisterPatient(
                List.of(new IdentifierData(SYSTEM, mrn)), family, given, born, gender));
    ConditionView condition =
        conditions.record(
            new RecordCondition(
                patient.id(), onset, start.minusDays(10), pain, severity, causes, null));
    FactorsData factors =
        new FactorsData(
            onset,
            pain,
            severity,
            causes,
            IntensityPreference.MODERATE,
            lifestyles,
            new BigDecimal("65"),
            "EUR",
            null,
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 30));
    PlanContentData proposed =
        plans
            .recommend(
                new RecommendCarePlan(
                    patient.id(),
                    condition.id(),
                    factors,
                    "Core stability and McKenzie extension exercises daily; physiotherapy weekly",
                    today))
            .plan();
    long shift = ChronoUnit.DAYS.between(start, today);
    CarePlanView draft =
        plans.createDraft(
            new CreateCarePlan(
                patient.id(), condition.id(), shifted(proposed, shift, given), AUTHOR));
    CarePlanView plan = plans.activate(new PlanTransition(draft.id(), draft.version(), AUTHOR));
    recordPast(plan, painOfSession, newLegPain);
    logHomeCare(plan, start, today);
  }

  /** The recommended plan moved back in time, as if it had been made {@code days} days ago. */
  private static PlanContentData shifted(PlanContentData plan, long days, String given) {
    return new PlanContentData(
        "Massage with exercise for " + given,
        plan.factors(),
        plan.phases().stream()
            .map(
                p ->
                    new PhaseData(
                        p.kind(),
                        p.startDate().minusDays(days),
                        p.endDate() == null ? null : p.endDate().minusDays(days),
                        p.sessionsPerPeriod(),
                        p.periodWeeks(),
                        p.sessionMinutes(),
                        p.techniques(),
                        p.targetRegions()))
            .toList(),
        plan.sessions().stream()
            .map(s -> new SessionData(s.startsAt().minusDays(days), s.minutes(), s.phaseIndex()))
            .toList(),
        plan.exerciseProgramme(),
        plan.homeCareTasks(),
        plan.goals().stream()
            .map(
                g ->
                    new GoalData(
                        g.goalId(),
                        g.description(),
                        g.targetPainAtMost(),
                        g.startDate().minusDays(days),
                        g.dueDate() == null ? null : g.dueDate().minusDays(days),
                        g.status()))
            .toList(),
        plan.coManagementFlagged(),
        plan.expectations());
  }

  private void recordPast(CarePlanView plan, IntFunction<int[]> painOfSession, boolean legPain) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<SessionData> past =
        plan.content().sessions().stream().filter(s -> s.startsAt().isBefore(now)).toList();
    int attended = 0;
    for (int i = 0; i < past.size(); i++) {
      SessionData planned = past.get(i);
      if (i == 4) {
        SessionView missed =
            sessions.schedule(
                new ScheduleSession(
                    plan.id(),
                    plan.patientId(),
                    planned.startsAt(),
                    planned.minutes(),
                    null,
                    Set.of(TargetRegion.LOWER_BACK)));
        sessions.markMissed(
            new MarkSessionMissed(missed.id(), missed.version(), "Could not get off work"));
        continue;
      }
      int[] pain = painOfSession.apply(attended++);
      List<SessionReading> readings = new ArrayList<>();
      readings.add(
          new SessionReading(
              ReadingContext.PRE_SESSION,
              StiffnessScore.of(Math.min(10, pain[0] + 1), attended % 2 == 0)));
      readings.add(
          new SessionReading(
              ReadingContext.PRE_SESSION,
              pain[0] >= 6 ? SpasmFrequency.OCCASIONAL : SpasmFrequency.NONE));
      readings.add(new SessionReading(ReadingContext.PRE_SESSION, LegPain.absent()));
      sessions.recordUnscheduled(
          new RecordUnscheduledSession(
              plan.id(),
              plan.patientId(),
              new PerformedSessionData(
                  planned.startsAt(),
                  planned.minutes(),
                  "Demo Therapist",
                  EnumSet.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING),
                  EnumSet.of(TargetRegion.LOWER_BACK, TargetRegion.GLUTES),
                  pain[0],
                  pain[1],
                  new SoapNotesData(
                      "Reports pain " + pain[0] + "/10, worse when sitting long.",
                      "Tight lumbar paraspinals, left more than right.",
                      "Responding to soft-tissue work.",
                      "Continue as planned; keep up the exercises."),
                  readings,
                  ReadingSource.PORTAL)));
    }
    OffsetDateTime diary = now.minusDays(1).withHour(20).withMinute(0);
    int lastPain = past.isEmpty() ? 5 : painOfSession.apply(Math.max(0, attended - 1))[0];
    reading(plan, diary, PainScore.of(lastPain));
    reading(plan, diary, OswestryScore.of(Math.min(100, lastPain * 6)));
    if (legPain) {
      reading(plan, diary, LegPain.present(LegPain.Side.LEFT));
    }
  }

  private void reading(CarePlanView plan, OffsetDateTime at, SymptomReading value) {
    observations.record(
        new RecordReading(
            plan.patientId(),
            plan.id(),
            null,
            ReadingContext.DIARY,
            ReadingSource.HOME_DIARY,
            at,
            value));
  }

  private void logHomeCare(CarePlanView plan, LocalDate from, LocalDate today) {
    List<HomeCareTaskData> tasks = plan.content().homeCareTasks();
    int day = 0;
    for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1), day++) {
      for (int t = 0; t < tasks.size(); t++) {
        boolean done = (day + t) % 3 != 0;
        homeCare.log(new LogHomeCare(plan.id(), plan.patientId(), tasks.get(t).taskId(), d, done));
      }
    }
  }
}
