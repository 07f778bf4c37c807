package app.lumbra.session.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.observation.persistence.JpaObservationRepositories;
import app.lumbra.safety.persistence.JpaSafetyRepositories;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.testsupport.JpaTestDatabase;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V12_1 moves the pain columns of treatment sessions into readings without losing a score, on H2
 * and PostgreSQL: sessions as the three kinds of data before it left them.
 */
class SessionPainMigrationTest {

  private static final ZoneOffset BERLIN = ZoneOffset.ofHours(1);
  private static final OffsetDateTime FRIDAY = OffsetDateTime.of(2026, 2, 27, 10, 0, 0, 0, BERLIN);

  private JpaTestDatabase db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("OBS-1: every session pain score becomes the reading its session names")
  void OBS_1_everySessionPainScoreBecomesTheReadingItsSessionNames(JpaTestDatabase.Kind kind)
      throws SQLException {
    long[] before = new long[2];
    db =
        JpaTestDatabase.startWithDataAt(
            kind,
            "11.1",
            connection -> {
              legacySessions(connection);
              before[0] = count(connection, "symptom_observation");
              before[1] = count(connection, "treatment_session");
            });

    // Before: both readings of "recorded", the pre of "mixed" and the EHR's other post of "mixed".
    // Created: both of "legacy" and the post of "mixed", whose only post reading has another score.
    assertThat(before).containsExactly(4, 4);
    assertThat(db.countRows("symptom_observation")).isEqualTo(before[0] + 3);
    assertThat(db.countRows("treatment_session")).isEqualTo(before[1]);

    EntityManager em = db.entityManager();
    SessionService service =
        new SessionService(
            new JpaTreatmentSessionRepository(em),
            JpaObservationRepositories.on(em),
            TestClocks.MONDAY_MORNING,
            new RecordedEvents<>(),
            JpaSafetyRepositories.serviceOn(em, TestClocks.MONDAY_MORNING));
    List<SessionView> views =
        db.inTransaction(
            em,
            () ->
                List.of(
                    service.get("recorded"),
                    service.get("legacy"),
                    service.get("mixed"),
                    service.get("planned")));
    assertThat(views)
        .extracting(SessionView::id, SessionView::prePain, SessionView::postPain)
        .containsExactly(
            tuple("recorded", 7, 4),
            tuple("legacy", 6, 3),
            tuple("mixed", 5, 2),
            tuple("planned", null, null));

    // A list reads the named readings in one go and shows the same scores.
    assertThat(db.inTransaction(em, () -> service.listForPlan("plan-1")))
        .extracting(SessionView::id, SessionView::prePain, SessionView::postPain)
        .containsExactlyInAnyOrder(
            tuple("recorded", 7, 4),
            tuple("legacy", 6, 3),
            tuple("mixed", 5, 2),
            tuple("planned", null, null));

    // The readings that existed are named, not copied.
    assertThat(named("recorded")).containsExactly("r-pre", "r-post");
    assertThat(named("mixed").get(0)).isEqualTo("m-pre");
    // A created reading is the session's pain reading: before at the start, after at the end.
    assertThat(readings("legacy"))
        .containsExactlyInAnyOrder(
            "PRE_SESSION 6 " + FRIDAY.minusDays(7).toInstant(),
            "POST_SESSION 3 " + FRIDAY.minusDays(7).plusMinutes(50).toInstant());
  }

  private List<String> named(String sessionId) throws SQLException {
    return query(
            "SELECT pre_pain_reading_id, post_pain_reading_id FROM treatment_session WHERE id = ?",
            sessionId,
            rows -> rows.getString(1) + "," + rows.getString(2))
        .stream()
        .flatMap(pair -> List.of(pair.split(",")).stream())
        .toList();
  }

  private List<String> readings(String sessionId) throws SQLException {
    return query(
        "SELECT reading_context, score_value, effective_at FROM symptom_observation"
            + " WHERE session_id = ?",
        sessionId,
        rows ->
            rows.getString(1)
                + " "
                + rows.getInt(2)
                + " "
                + rows.getObject(3, OffsetDateTime.class).toInstant());
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private interface Row {
    String of(ResultSet rows) throws SQLException;
  }

  private List<String> query(String sql, String parameter, Row row) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = db.connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(row.of(rows));
        }
      }
    }
    return found;
  }

  /**
   * "recorded": pain columns and the readings written beside them; "legacy": columns only; "mixed":
   * a pre reading beside its column, and an EHR's post reading with another score than the column;
   * "planned": no pain at all.
   */
  private static void legacySessions(Connection connection) throws SQLException {
    session(connection, "recorded", FRIDAY, 7, 4);
    session(connection, "legacy", FRIDAY.minusDays(7), 6, 3);
    session(connection, "mixed", FRIDAY.minusDays(3), 5, 2);
    session(connection, "planned", FRIDAY.plusDays(14), null, null);
    reading(connection, "r-pre", "recorded", "PRE_SESSION", 7, FRIDAY);
    reading(connection, "r-post", "recorded", "POST_SESSION", 4, FRIDAY.plusMinutes(50));
    reading(connection, "m-pre", "mixed", "PRE_SESSION", 5, FRIDAY.minusDays(3));
    reading(connection, "m-ehr", "mixed", "POST_SESSION", 9, FRIDAY.minusDays(3).plusMinutes(50));
  }

  private static void session(
      Connection connection, String id, OffsetDateTime at, Integer pre, Integer post)
      throws SQLException {
    boolean attended = pre != null;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO treatment_session (id, version, care_plan_id, patient_id, scheduled_at,"
                + " scheduled_offset_seconds, status, performed_at, performed_offset_seconds,"
                + " duration_minutes, therapist, pre_pain, post_pain, created_at, updated_at)"
                + " VALUES (?, 1, 'plan-1', 'patient-1', ?, 3600, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setObject(2, at);
      insert.setString(3, attended ? "ATTENDED" : "PLANNED");
      insert.setObject(4, attended ? at : null);
      insert.setObject(5, attended ? 3600 : null);
      insert.setObject(6, attended ? 50 : null);
      insert.setString(7, attended ? "Jana Novak, LMT" : null);
      insert.setObject(8, pre);
      insert.setObject(9, post);
      insert.setObject(10, at.minusDays(1));
      insert.setObject(11, attended ? at.plusHours(2) : at.minusDays(1));
      insert.executeUpdate();
    }
    try (PreparedStatement region =
        connection.prepareStatement(
            "INSERT INTO treatment_session_region (session_id, region) VALUES (?, 'LOWER_BACK')")) {
      region.setString(1, id);
      region.executeUpdate();
    }
  }

  private static void reading(
      Connection connection,
      String id,
      String sessionId,
      String context,
      int score,
      OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO symptom_observation (id, version, patient_id, care_plan_id, session_id,"
                + " code, score_value, reading_context, source, effective_at,"
                + " effective_offset_seconds, recorded_at)"
                + " VALUES (?, 1, 'patient-1', 'plan-1', ?, 'PAIN', ?, ?, 'PORTAL', ?, 3600, ?)")) {
      insert.setString(1, id);
      insert.setString(2, sessionId);
      insert.setInt(3, score);
      insert.setString(4, context);
      insert.setObject(5, at);
      insert.setObject(6, at.plusHours(2));
      insert.executeUpdate();
    }
  }
}
