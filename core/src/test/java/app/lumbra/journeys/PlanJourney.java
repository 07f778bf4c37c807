package app.lumbra.journeys;

import app.lumbra.adherence.domain.AdherenceThresholds;
import app.lumbra.adherence.domain.HomeCareDay;
import app.lumbra.adherence.domain.PlannedPhase;
import app.lumbra.adherence.domain.StoppedPeriod;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.progress.domain.LegPainReading;
import app.lumbra.progress.domain.PainReading;
import app.lumbra.progress.domain.ProgressAnalysis;
import app.lumbra.progress.domain.ProgressReport;
import app.lumbra.progress.domain.ProgressSnapshot;
import app.lumbra.progress.domain.ProgressThresholds;
import app.lumbra.progress.domain.SessionFact;
import app.lumbra.session.domain.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A care plan's story told day by day (day 0 is the plan's first day), from which a progress
 * snapshot and a clock at any later day are built. Sessions are at 10:00, diary entries at 20:00,
 * all in UTC.
 */
public final class PlanJourney {

  public static final LocalDate PLAN_START = LocalDate.of(2026, 1, 5);
  private static final LocalTime SESSION_TIME = LocalTime.of(10, 0);
  private static final LocalTime DIARY_TIME = LocalTime.of(20, 0);

  private final List<PlannedPhase> phases = new ArrayList<>();
  private final List<SessionFact> sessions = new ArrayList<>();
  private final List<PainReading> pain = new ArrayList<>();
  private final List<LegPainReading> legPain = new ArrayList<>();
  private final List<OffsetDateTime> plannedTimes = new ArrayList<>();
  private final List<String> tasks = new ArrayList<>();
  private final List<HomeCareDay> homeCare = new ArrayList<>();
  private final List<StoppedPeriod> stopped = new ArrayList<>();
  private String currentPhase = PlannedPhase.INITIAL;
  private boolean sessionsStopped;
  private int sessionCount;

  private PlanJourney() {}

  /** A plan whose initial phase runs {@code weeks} weeks at {@code perWeek} sessions. */
  public static PlanJourney initialPhase(int weeks, double perWeek) {
    PlanJourney journey = new PlanJourney();
    journey.phases.add(
        new PlannedPhase(
            PlannedPhase.INITIAL,
            PLAN_START,
            PLAN_START.plusWeeks(weeks).minusDays(1),
            PlannedPhase.intervalForWeekly(perWeek)));
    return journey;
  }

  public static OffsetDateTime at(int day, LocalTime time) {
    return OffsetDateTime.of(PLAN_START.plusDays(day), time, ZoneOffset.UTC);
  }

  /** The end of {@code day}, when a clinician opens the report. */
  public static Clock clockAtEndOfDay(int day) {
    return Clock.fixed(at(day, LocalTime.of(22, 0)).toInstant(), ZoneOffset.UTC);
  }

  public PlanJourney phase(String code, int fromDay, double perWeek) {
    phases.add(
        new PlannedPhase(
            code, PLAN_START.plusDays(fromDay), null, PlannedPhase.intervalForWeekly(perWeek)));
    currentPhase = code;
    return this;
  }

  /** An attended session with pain before and after; also the PRE/POST readings it produces. */
  public PlanJourney session(int day, int pre, int post) {
    OffsetDateTime when = at(day, SESSION_TIME);
    String id = "session-" + (++sessionCount);
    sessions.add(
        new SessionFact(
            id, when, SessionStatus.ATTENDED, when, PainScore.of(pre), PainScore.of(post)));
    pain.add(new PainReading(when, PainScore.of(pre), ReadingContext.PRE_SESSION));
    pain.add(
        new PainReading(when.plusMinutes(50), PainScore.of(post), ReadingContext.POST_SESSION));
    return this;
  }

  public PlanJourney missed(int day) {
    sessions.add(
        new SessionFact(
            "session-" + (++sessionCount),
            at(day, SESSION_TIME),
            SessionStatus.MISSED,
            null,
            null,
            null));
    return this;
  }

  public PlanJourney cancelled(int day) {
    sessions.add(
        new SessionFact(
            "session-" + (++sessionCount),
            at(day, SESSION_TIME),
            SessionStatus.CANCELLED,
            null,
            null,
            null));
    return this;
  }

  /** ADH-1: a session the patient called off. */
  public PlanJourney cancelledByPatient(int day) {
    sessions.add(
        new SessionFact(
            "session-" + (++sessionCount),
            at(day, SESSION_TIME),
            SessionStatus.CANCELLED,
            null,
            null,
            null,
            true));
    return this;
  }

  /**
   * ADH-3: the plan was on hold from the start of {@code fromDay} to the start of {@code toDay}.
   */
  public PlanJourney onHold(int fromDay, int toDay) {
    stopped.add(new StoppedPeriod(at(fromDay, LocalTime.MIDNIGHT), at(toDay, LocalTime.MIDNIGHT)));
    return this;
  }

  public PlanJourney planned(int day) {
    sessions.add(
        new SessionFact(
            "session-" + (++sessionCount),
            at(day, SESSION_TIME),
            SessionStatus.PLANNED,
            null,
            null,
            null));
    return this;
  }

  /** A date of the plan's own schedule, with or without a session record. */
  public PlanJourney plannedByThePlan(int day) {
    plannedTimes.add(at(day, SESSION_TIME));
    return this;
  }

  public PlanJourney diary(int day, int score) {
    pain.add(new PainReading(at(day, DIARY_TIME), PainScore.of(score), ReadingContext.DIARY));
    return this;
  }

  public PlanJourney legPain(int day, LegPain reading) {
    legPain.add(new LegPainReading(at(day, DIARY_TIME), reading));
    return this;
  }

  public PlanJourney homeCareTask(String taskId) {
    tasks.add(taskId);
    return this;
  }

  public PlanJourney homeCare(int day, String taskId, boolean done) {
    homeCare.add(new HomeCareDay(taskId, PLAN_START.plusDays(day), done));
    return this;
  }

  public PlanJourney sessionsStopped() {
    sessionsStopped = true;
    return this;
  }

  public ProgressSnapshot snapshot() {
    return new ProgressSnapshot(
        "plan-1",
        PLAN_START,
        phases,
        currentPhase,
        sessionsStopped,
        sessions,
        plannedTimes,
        pain,
        legPain,
        tasks,
        homeCare,
        stopped);
  }

  /** The report at the end of {@code day} with the default thresholds. */
  public ProgressReport reportOnDay(int day) {
    return ProgressAnalysis.analyse(
        snapshot(),
        ProgressThresholds.defaults(),
        AdherenceThresholds.defaults(),
        clockAtEndOfDay(day));
  }

  public static Duration days(double days) {
    return Duration.ofMinutes(Math.round(days * 24 * 60));
  }
}
