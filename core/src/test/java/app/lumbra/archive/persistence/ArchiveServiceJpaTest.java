package app.lumbra.archive.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.archive.application.ArchiveService;
import app.lumbra.archive.application.VersionView;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record version archive behind FHIR vread and _history (FHIR-2), on the real mapping and
 * migration, on H2 and (when configured) PostgreSQL.
 */
class ArchiveServiceJpaTest {

  private static final OffsetDateTime MONDAY =
      OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

  private JpaTestDatabase db;
  private EntityManager em;
  private ArchiveService archive;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    archive = new ArchiveService(new JpaVersionArchive(em));
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private void keep(String id, long version, OffsetDateTime at, String snapshot) {
    db.inTransaction(
        em,
        () -> {
          archive.archive("Patient", id, version, at, snapshot);
          return null;
        });
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void versionsAreKeptOnceAndReadBackNewestFirst(JpaTestDatabase.Kind kind) {
    start(kind);
    keep("p1", 1, MONDAY, "{\"v\":1}");
    keep("p1", 2, MONDAY.plusHours(1), "{\"v\":2}");
    keep("p1", 2, MONDAY.plusHours(2), "{\"v\":\"again\"}");
    keep("p2", 1, MONDAY.plusDays(1), "{\"other\":1}");

    assertThat(db.inTransaction(em, () -> archive.history("Patient", "p1")))
        .extracting(VersionView::version)
        .containsExactly(2L, 1L);
    assertThat(db.inTransaction(em, () -> archive.version("Patient", "p1", 2)))
        .map(VersionView::snapshot)
        .contains("{\"v\":2}");
    assertThat(db.inTransaction(em, () -> archive.version("Patient", "p1", 3))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void typeHistoryIsPagedNewestFirstSinceAnInstant(JpaTestDatabase.Kind kind) {
    start(kind);
    keep("p1", 1, MONDAY, "{}");
    keep("p1", 2, MONDAY.plusHours(1), "{}");
    keep("p2", 1, MONDAY.plusDays(1), "{}");

    var all = db.inTransaction(em, () -> archive.typeHistory("Patient", null, 0, 2));
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.versions()).extracting(VersionView::recordId).containsExactly("p2", "p1");
    var recent =
        db.inTransaction(em, () -> archive.typeHistory("Patient", MONDAY.plusMinutes(30), 0, 10));
    assertThat(recent.total()).isEqualTo(2);
    assertThat(db.inTransaction(em, () -> archive.typeHistory("Condition", null, 0, 10)).total())
        .isZero();
  }
}
