package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A session's pain before and after is stored once, as a PRE_SESSION / POST_SESSION pain reading of
 * the session, and the session names those readings instead of keeping the scores in columns of its
 * own (OBS-1).
 *
 * <p>For each session with a score in {@code pre_pain} / {@code post_pain}: the session's reading
 * in that context with the same score is named when there is one (sessions recorded since readings
 * were written beside the columns); otherwise a reading is created from the column, effective at
 * the start (before) or the end (after) of the session as when it is recorded now, and recorded
 * when the session was last changed. Then the columns go. No score is lost: every column value is
 * afterwards the score of the reading its session names.
 *
 * <p>In Java rather than SQL because a new reading needs an id, and H2 and PostgreSQL share no
 * function that makes one.
 */
public class V12_1__SessionPainAsReadings extends BaseJavaMigration {

  private record SessionPain(
      String id,
      String patientId,
      String carePlanId,
      OffsetDateTime start,
      Integer durationMinutes,
      OffsetDateTime changedAt,
      Integer pre,
      Integer post) {}

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE treatment_session ADD COLUMN pre_pain_reading_id VARCHAR(64)");
      statement.execute(
          "ALTER TABLE treatment_session ADD COLUMN post_pain_reading_id VARCHAR(64)");
    }
    for (SessionPain session : sessionsWithPain(connection)) {
      String pre = reading(connection, session, "PRE_SESSION", session.pre());
      String post = reading(connection, session, "POST_SESSION", session.post());
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE treatment_session SET pre_pain_reading_id = ?, post_pain_reading_id = ?"
                  + " WHERE id = ?")) {
        update.setString(1, pre);
        update.setString(2, post);
        update.setString(3, session.id());
        update.executeUpdate();
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER TABLE treatment_session DROP CONSTRAINT ck_treatment_session_pre_pain");
      statement.execute(
          "ALTER TABLE treatment_session DROP CONSTRAINT ck_treatment_session_post_pain");
      statement.execute("ALTER TABLE treatment_session DROP COLUMN pre_pain");
      statement.execute("ALTER TABLE treatment_session DROP COLUMN post_pain");
    }
  }

  private static List<SessionPain> sessionsWithPain(Connection connection) throws SQLException {
    List<SessionPain> found = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT id, patient_id, care_plan_id, scheduled_at, scheduled_offset_seconds,"
                    + " performed_at, performed_offset_seconds, duration_minutes, updated_at,"
                    + " pre_pain, post_pain FROM treatment_session"
                    + " WHERE pre_pain IS NOT NULL OR post_pain IS NOT NULL ORDER BY id")) {
      while (rows.next()) {
        OffsetDateTime performed = rows.getObject("performed_at", OffsetDateTime.class);
        OffsetDateTime start =
            performed == null
                ? at(
                    rows.getObject("scheduled_at", OffsetDateTime.class),
                    rows.getInt("scheduled_offset_seconds"))
                : at(performed, rows.getInt("performed_offset_seconds"));
        found.add(
            new SessionPain(
                rows.getString("id"),
                rows.getString("patient_id"),
                rows.getString("care_plan_id"),
                start,
                rows.getObject("duration_minutes", Integer.class),
                rows.getObject("updated_at", OffsetDateTime.class),
                rows.getObject("pre_pain", Integer.class),
                rows.getObject("post_pain", Integer.class)));
      }
    }
    return found;
  }

  private static OffsetDateTime at(OffsetDateTime instant, int offsetSeconds) {
    return instant.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /** The id of the session's reading with this score, created when there is none; null for none. */
  private static String reading(
      Connection connection, SessionPain session, String readingContext, Integer score)
      throws SQLException {
    if (score == null) {
      return null;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id FROM symptom_observation WHERE session_id = ? AND code = 'PAIN'"
                + " AND reading_context = ? AND score_value = ?"
                + " ORDER BY effective_at, id FETCH FIRST 1 ROWS ONLY")) {
      query.setString(1, session.id());
      query.setString(2, readingContext);
      query.setInt(3, score);
      try (ResultSet rows = query.executeQuery()) {
        if (rows.next()) {
          return rows.getString(1);
        }
      }
    }
    return created(connection, session, readingContext, score);
  }

  private static String created(
      Connection connection, SessionPain session, String readingContext, int score)
      throws SQLException {
    OffsetDateTime effective =
        readingContext.equals("PRE_SESSION") || session.durationMinutes() == null
            ? session.start()
            : session.start().plusMinutes(session.durationMinutes());
    // As when recording: a reading is never effective after it was recorded.
    if (effective.isAfter(session.changedAt())) {
      effective = session.changedAt().withOffsetSameInstant(effective.getOffset());
    }
    String id = UUID.randomUUID().toString();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO symptom_observation (id, version, patient_id, care_plan_id, session_id,"
                + " code, score_value, reading_context, source, effective_at,"
                + " effective_offset_seconds, recorded_at, partner_document)"
                + " VALUES (?, 1, ?, ?, ?, 'PAIN', ?, ?, 'PORTAL', ?, ?, ?, FALSE)")) {
      insert.setString(1, id);
      insert.setString(2, session.patientId());
      insert.setString(3, session.carePlanId());
      insert.setString(4, session.id());
      insert.setInt(5, score);
      insert.setString(6, readingContext);
      insert.setObject(7, effective);
      insert.setInt(8, effective.getOffset().getTotalSeconds());
      insert.setObject(9, session.changedAt());
      insert.executeUpdate();
    }
    return id;
  }
}
