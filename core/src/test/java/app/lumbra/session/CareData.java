package app.lumbra.session;

import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.session.application.PerformedSessionData;
import app.lumbra.session.application.ScheduleSession;
import app.lumbra.session.application.SessionReading;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Commands for sessions as clinicians send them, with intention-revealing names. */
public final class CareData {

  public static final String PLAN = "3f1c9a52-5b7e-4d0a-9b8e-0c2d6e1f7a10";
  public static final String PATIENT = "a7d2e4c1-8f3b-4e6a-b5c9-1d2e3f4a5b6c";

  /** Central European summer time, to prove offsets survive storage. */
  public static final ZoneOffset BERLIN_WINTER = ZoneOffset.ofHours(1);

  private CareData() {}

  public static OffsetDateTime lastFridayAtTen() {
    return OffsetDateTime.of(2026, 2, 27, 10, 0, 0, 0, BERLIN_WINTER);
  }

  public static ScheduleSession lowerBackSessionLastFriday() {
    return new ScheduleSession(
        PLAN,
        PATIENT,
        lastFridayAtTen(),
        45,
        Set.of(Technique.MYOFASCIAL_RELEASE),
        Set.of(TargetRegion.LOWER_BACK, TargetRegion.GLUTES));
  }

  public static ScheduleSession lowerBackSessionNextWeek() {
    return new ScheduleSession(
        PLAN,
        PATIENT,
        lastFridayAtTen().plusDays(7),
        45,
        Set.of(),
        Set.of(TargetRegion.LOWER_BACK));
  }

  /** Fifty minutes of myofascial release and kneading: pain 7 before, 4 after, less stiff. */
  public static PerformedSessionData myofascialReliefFromSevenToFour() {
    return new PerformedSessionData(
        lastFridayAtTen().plusMinutes(5),
        50,
        "Jana Novak, LMT",
        Set.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING),
        Set.of(TargetRegion.LOWER_BACK, TargetRegion.HIPS),
        7,
        4,
        new SoapNotesData(
            "Stiff after long desk days", "Hypertonic left QL", "Good release", "Twice weekly"),
        List.of(
            new SessionReading(ReadingContext.PRE_SESSION, StiffnessScore.of(6, true)),
            new SessionReading(ReadingContext.POST_SESSION, StiffnessScore.of(3, false))),
        ReadingSource.PORTAL);
  }
}
