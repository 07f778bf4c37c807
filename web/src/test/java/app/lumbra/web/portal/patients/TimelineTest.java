package app.lumbra.web.portal.patients;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final OffsetDateTime MONDAY =
      OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final List<PhaseData> INITIAL =
      List.of(
          new PhaseData(
              PhaseKind.INITIAL,
              MONDAY.toLocalDate(),
              LocalDate.of(2026, 3, 29),
              2,
              1,
              45,
              Set.of(Technique.KNEADING),
              Set.of(TargetRegion.LOWER_BACK)));

  private static SessionView record(
      OffsetDateTime at, SessionStatus status, Integer pre, Integer post) {
    return new SessionView(
        "s-" + at,
        "plan",
        "patient",
        at,
        45,
        status,
        null,
        status == SessionStatus.ATTENDED ? at.plusMinutes(5) : null,
        45,
        "dana",
        Set.of(),
        Set.of(),
        false,
        pre,
        post,
        null,
        at,
        at,
        0);
  }

  @Test
  void plannedSessionsAreMatchedWithTheRecordOfTheSameDayAndTheRestIsScheduledOrNotRecorded() {
    List<SessionData> planned =
        List.of(
            new SessionData(MONDAY, 45, 0),
            new SessionData(MONDAY.plusDays(3), 45, 0),
            new SessionData(MONDAY.plusDays(7), 45, 0),
            new SessionData(MONDAY.plusDays(10), 45, 0));
    List<SessionView> records =
        List.of(
            record(MONDAY, SessionStatus.ATTENDED, 7, 4),
            record(MONDAY.plusDays(7), SessionStatus.MISSED, null, null),
            record(MONDAY.plusDays(8), SessionStatus.ATTENDED, 6, 3));

    List<Timeline.Row> rows =
        Timeline.of(INITIAL, planned, records, MONDAY.plusDays(9).toInstant(), ZoneOffset.UTC);

    assertThat(rows)
        .extracting(Timeline.Row::entry)
        .containsExactly(
            Timeline.Entry.ATTENDED,
            Timeline.Entry.NOT_RECORDED,
            Timeline.Entry.MISSED,
            Timeline.Entry.ATTENDED,
            Timeline.Entry.SCHEDULED);
    assertThat(rows.get(0).prePain()).isEqualTo(7);
    assertThat(rows.get(3).planned()).isFalse();
    assertThat(rows.get(3).phase()).isEqualTo("INITIAL");
    assertThat(rows.get(1).cssClass()).isEqualTo("entry-not-recorded");
  }
}
