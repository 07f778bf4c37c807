package app.lumbra.web.portal.patients;

import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.domain.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan's timeline: each planned session of the plan matched with the session record of the same
 * day (attended, missed, cancelled), the planned ones without a record as scheduled (future) or not
 * recorded (past), and records without a planned date (unscheduled sessions) in between.
 */
public final class Timeline {

  /** What became of one session. */
  public enum Entry {
    SCHEDULED,
    NOT_RECORDED,
    ATTENDED,
    MISSED,
    CANCELLED
  }

  /** One row of the timeline; {@code record} is null when nothing was recorded. */
  public record Row(
      OffsetDateTime at, String phase, Entry entry, SessionView record, boolean planned) {

    public Integer prePain() {
      return record == null ? null : record.prePain();
    }

    /** What the record says against the planning rules (PLAN-5), recorded anyway. */
    public List<String> warnings() {
      return record == null ? List.of() : record.warnings();
    }

    public Integer postPain() {
      return record == null ? null : record.postPain();
    }

    public String cssClass() {
      return "entry-" + entry.name().toLowerCase().replace('_', '-');
    }
  }

  private Timeline() {}

  public static List<Row> of(
      List<PhaseData> phases,
      List<SessionData> planned,
      List<SessionView> records,
      Instant now,
      ZoneId zone) {
    Map<LocalDate, LinkedList<SessionView>> byDay = new TreeMap<>();
    for (SessionView record : records) {
      byDay.computeIfAbsent(day(timeOf(record), zone), d -> new LinkedList<>()).add(record);
    }
    List<Row> rows = new ArrayList<>();
    for (SessionData session : planned) {
      String phase =
          session.phaseIndex() < phases.size()
              ? phases.get(session.phaseIndex()).kind().name()
              : "";
      LinkedList<SessionView> sameDay = byDay.get(day(session.startsAt(), zone));
      SessionView record = sameDay == null || sameDay.isEmpty() ? null : sameDay.removeFirst();
      Entry entry =
          record != null
              ? entry(record.status(), session.startsAt(), now)
              : session.startsAt().toInstant().isAfter(now) ? Entry.SCHEDULED : Entry.NOT_RECORDED;
      rows.add(
          new Row(
              record == null ? session.startsAt() : timeOf(record), phase, entry, record, true));
    }
    byDay.values().stream()
        .flatMap(List::stream)
        .forEach(
            record ->
                rows.add(
                    new Row(
                        timeOf(record),
                        phaseAt(phases, day(timeOf(record), zone)),
                        entry(record.status(), record.scheduledAt(), now),
                        record,
                        false)));
    rows.sort(Comparator.comparing(row -> row.at().toInstant()));
    return rows;
  }

  private static Entry entry(SessionStatus status, OffsetDateTime at, Instant now) {
    return switch (status) {
      case ATTENDED -> Entry.ATTENDED;
      case MISSED -> Entry.MISSED;
      case CANCELLED -> Entry.CANCELLED;
      case PLANNED -> at.toInstant().isAfter(now) ? Entry.SCHEDULED : Entry.NOT_RECORDED;
    };
  }

  private static OffsetDateTime timeOf(SessionView record) {
    return record.performedAt() != null ? record.performedAt() : record.scheduledAt();
  }

  private static String phaseAt(List<PhaseData> phases, LocalDate day) {
    return phases.stream()
        .filter(
            p -> !day.isBefore(p.startDate()) && (p.endDate() == null || !day.isAfter(p.endDate())))
        .map(p -> p.kind().name())
        .findFirst()
        .orElse("");
  }

  private static LocalDate day(OffsetDateTime time, ZoneId zone) {
    return time.atZoneSameInstant(zone).toLocalDate();
  }
}
