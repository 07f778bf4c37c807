package app.lumbra.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.session.domain.PerformedSession;
import app.lumbra.session.domain.SessionDuration;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.session.domain.SoapNotes;
import app.lumbra.session.domain.TreatmentSession;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.SessionLength;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TreatmentSessionTest {

  private static final Clock NOW = TestClocks.MONDAY_MORNING;
  private static final OffsetDateTime EARLIER_TODAY =
      OffsetDateTime.of(2026, 3, 2, 7, 0, 0, 0, ZoneOffset.ofHours(1));

  private static TreatmentSession plannedForEarlierToday() {
    return TreatmentSession.schedule(
        "plan-1",
        "patient-1",
        EARLIER_TODAY,
        SessionDuration.ofMinutes(45),
        Set.of(Technique.MYOFASCIAL_RELEASE),
        Set.of(TargetRegion.LOWER_BACK, TargetRegion.GLUTES),
        NOW);
  }

  private static PerformedSession performedEarlierToday() {
    return new PerformedSession(
        EARLIER_TODAY,
        SessionDuration.ofMinutes(50),
        "Jana Novak, LMT",
        Set.of(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING),
        Set.of(TargetRegion.LOWER_BACK, TargetRegion.HIPS),
        SoapNotes.of("Stiff after desk day", "Hypertonic QL left", "Responds well", "Continue"));
  }

  @Test
  @DisplayName("OBS-3: an attended session records what was done")
  void OBS_3_anAttendedSessionRecordsWhatWasDone() {
    TreatmentSession session = plannedForEarlierToday();
    session.recordAttended(performedEarlierToday(), NOW);

    assertThat(session.status()).isEqualTo(SessionStatus.ATTENDED);
    assertThat(session.performedAt()).contains(EARLIER_TODAY);
    assertThat(session.duration()).contains(SessionDuration.ofMinutes(50));
    assertThat(session.therapist()).contains("Jana Novak, LMT");
    assertThat(session.techniques())
        .containsExactlyInAnyOrder(Technique.MYOFASCIAL_RELEASE, Technique.KNEADING);
    assertThat(session.notes().objective()).contains("Hypertonic QL left");
  }

  @Test
  @DisplayName("OBS-1: an attended session names its pain readings and keeps no score of its own")
  void OBS_1_anAttendedSessionNamesItsPainReadings() {
    TreatmentSession session = plannedForEarlierToday();
    session.recordAttended(performedEarlierToday(), NOW);
    SymptomObservation before = pain(session.id(), ReadingContext.PRE_SESSION, 7);
    SymptomObservation after = pain(session.id(), ReadingContext.POST_SESSION, 4);

    session.referToPainReadings(before, after);

    assertThat(session.prePainReadingId()).contains(before.id());
    assertThat(session.postPainReadingId()).contains(after.id());
  }

  @Test
  @DisplayName("OBS-1: a session names only its own pain readings in the matching context")
  void OBS_1_aSessionNamesOnlyItsOwnPainReadings() {
    TreatmentSession session = plannedForEarlierToday();
    session.recordAttended(performedEarlierToday(), NOW);

    assertThatThrownBy(
            () ->
                session.referToPainReadings(
                    pain(session.id(), ReadingContext.POST_SESSION, 7), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("prePain");
    assertThatThrownBy(
            () -> session.referToPainReadings(null, pain("other", ReadingContext.POST_SESSION, 4)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("postPain");
    assertThat(session.prePainReadingId()).isEmpty();
    assertThatThrownBy(
            () ->
                plannedForEarlierToday()
                    .referToPainReadings(pain(session.id(), ReadingContext.PRE_SESSION, 7), null))
        .isInstanceOf(RuleViolationException.class);
  }

  private static SymptomObservation pain(String sessionId, ReadingContext context, int score) {
    return SymptomObservation.record(
        "patient-1",
        "plan-1",
        sessionId,
        context,
        ReadingSource.PORTAL,
        EARLIER_TODAY,
        PainScore.of(score),
        NOW);
  }

  @Test
  @DisplayName("OBS-3: a missed session carries its reason and is final")
  void OBS_3_aMissedSessionCarriesItsReasonAndIsFinal() {
    TreatmentSession session = plannedForEarlierToday();
    session.markMissed("patient ill", NOW);

    assertThat(session.status()).isEqualTo(SessionStatus.MISSED);
    assertThat(session.statusReason()).contains("patient ill");
    assertThatThrownBy(() -> session.recordAttended(performedEarlierToday(), NOW))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("OBS-3");
  }

  @Test
  @DisplayName("OBS-3: a session cannot be missed before it is due")
  void OBS_3_aSessionCannotBeMissedBeforeItIsDue() {
    TreatmentSession tomorrow =
        TreatmentSession.schedule(
            "plan-1",
            "patient-1",
            EARLIER_TODAY.plusDays(1),
            null,
            Set.of(),
            Set.of(TargetRegion.LOWER_BACK),
            NOW);
    assertThatThrownBy(() -> tomorrow.markMissed("no show", NOW))
        .isInstanceOf(RuleViolationException.class);
    tomorrow.cancel("therapist ill", NOW);
    assertThat(tomorrow.status()).isEqualTo(SessionStatus.CANCELLED);
    assertThat(tomorrow.statusReason()).contains("therapist ill");
  }

  @Test
  @DisplayName("OBS-3: missing and cancelling need a reason")
  void OBS_3_missingAndCancellingNeedAReason() {
    assertThatThrownBy(() -> plannedForEarlierToday().markMissed(" ", NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> plannedForEarlierToday().cancel(null, NOW))
        .hasMessageContaining("reason");
  }

  @Test
  @DisplayName("OBS-4: a session performed in the future is rejected and nothing changes")
  void OBS_4_aSessionPerformedInTheFutureIsRejectedAndNothingChanges() {
    TreatmentSession session = plannedForEarlierToday();
    PerformedSession performed = performedEarlierToday();
    PerformedSession inFuture =
        new PerformedSession(
            EARLIER_TODAY.plusHours(5),
            performed.duration(),
            performed.therapist(),
            performed.techniques(),
            performed.targetRegions(),
            performed.notes());
    assertThatThrownBy(() -> session.recordAttended(inFuture, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("performedAt");
    assertThat(session.status()).isEqualTo(SessionStatus.PLANNED);
    assertThat(session.performedAt()).isEmpty();
  }

  @Test
  @DisplayName("PLAN-5: sessions are planned for thirty to sixty minutes")
  void PLAN_5_sessionsArePlannedForThirtyToSixtyMinutes() {
    assertThat(SessionDuration.planned(30).minutes()).isEqualTo(30);
    assertThat(SessionDuration.planned(60).minutes()).isEqualTo(60);
    assertThatThrownBy(() -> SessionDuration.planned(29))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("durationMinutes")
        .hasMessageContaining("PLAN-5")
        .hasMessageContaining("from 30 to 60 minutes");
    assertThatThrownBy(() -> SessionDuration.planned(90)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  @DisplayName("PLAN-5: a performed session of 70 minutes is recorded with a warning")
  void PLAN_5_aPerformedSessionOf70MinutesIsRecordedWithAWarning() {
    SessionDuration seventy = SessionDuration.ofMinutes(70);
    assertThat(seventy.minutes()).isEqualTo(70);
    assertThat(seventy.withinPlannedRange()).isFalse();
    assertThat(SessionLength.warning(70))
        .hasValueSatisfying(w -> assertThat(w).contains("70 minutes").contains("longer"));
    assertThat(SessionDuration.ofMinutes(45).withinPlannedRange()).isTrue();
    assertThatThrownBy(() -> SessionDuration.ofMinutes(0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("durationMinutes")
        .hasMessageContaining("from 1 to 480 minutes");
  }

  @Test
  @DisplayName("PLAN-7: every session names its target regions")
  void PLAN_7_everySessionNamesItsTargetRegions() {
    assertThatThrownBy(
            () ->
                TreatmentSession.schedule(
                    "plan-1", "patient-1", EARLIER_TODAY, null, Set.of(), Set.of(), NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("targetRegions")
        .hasMessageContaining("PLAN-7");
    assertThat(plannedForEarlierToday().isUntargeted()).isFalse();
  }

  @Test
  @DisplayName("PLAN-7: a full body session is allowed but flagged untargeted")
  void PLAN_7_aFullBodySessionIsAllowedButFlaggedUntargeted() {
    TreatmentSession fullBody =
        TreatmentSession.schedule(
            "plan-1",
            "patient-1",
            EARLIER_TODAY,
            null,
            Set.of(Technique.LIGHT_SWEDISH),
            Set.of(TargetRegion.FULL_BODY),
            NOW);
    assertThat(fullBody.isUntargeted()).isTrue();
  }

  @Test
  @DisplayName("PLAN-8: techniques are coded and an attended session names one")
  void PLAN_8_techniquesAreCodedAndAnAttendedSessionNamesOne() {
    assertThat(Technique.fromCode("TRIGGER_POINT")).isEqualTo(Technique.TRIGGER_POINT);
    assertThatThrownBy(() -> Technique.fromCode("REIKI"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("MYOFASCIAL_RELEASE, KNEADING, TRIGGER_POINT, DEEP_TISSUE");
    PerformedSession performed = performedEarlierToday();
    PerformedSession noTechnique =
        new PerformedSession(
            performed.performedAt(),
            performed.duration(),
            performed.therapist(),
            Set.of(),
            performed.targetRegions(),
            null);
    assertThatThrownBy(() -> plannedForEarlierToday().recordAttended(noTechnique, NOW))
        .hasMessageContaining("techniques");
  }

  @Test
  @DisplayName("OBS-3: an unscheduled session reported by an ehr starts attended")
  void OBS_3_anUnscheduledSessionReportedByAnEhrStartsAttended() {
    TreatmentSession session =
        TreatmentSession.recordUnscheduled("plan-1", "patient-1", performedEarlierToday(), NOW);
    assertThat(session.status()).isEqualTo(SessionStatus.ATTENDED);
    assertThat(session.scheduledAt()).isEqualTo(EARLIER_TODAY);
  }

  @Test
  void aChangeBasedOnAnOldVersionIsAConflict() {
    TreatmentSession session = plannedForEarlierToday();
    session.expectVersion(0);
    assertThatThrownBy(() -> session.expectVersion(3)).isInstanceOf(VersionConflictException.class);
  }
}
