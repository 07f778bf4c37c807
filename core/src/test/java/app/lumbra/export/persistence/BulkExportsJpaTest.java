package app.lumbra.export.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.export.application.BulkExports;
import app.lumbra.export.application.ExportFile;
import app.lumbra.export.application.ExportJobView;
import app.lumbra.export.application.RequestExport;
import app.lumbra.export.domain.ExportReach;
import app.lumbra.export.domain.ExportRetention;
import app.lumbra.export.domain.ExportStatus;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BulkExportsJpaTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  private final MovableClock clock = new MovableClock(NOON);
  private JpaTestDatabase db;
  private EntityManager em;
  private BulkExports exports;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    exports = new BulkExports(new JpaExportJobRepository(em), ExportRetention.ofMinutes(60), clock);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private static RequestExport ofTeam(String team) {
    return new RequestExport(
        "analytics",
        ExportReach.GROUP,
        team,
        new LinkedHashSet<>(List.of("Patient", "Observation")),
        OffsetDateTime.parse("2026-03-01T00:00:00Z"),
        "https://lumbra.test/fhir/Group/north/$export");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aJobIsKeptWithItsProgressAndFilesUntilItsRetentionEnds(JpaTestDatabase.Kind kind) {
    start(kind);
    String id = db.inTransaction(em, () -> exports.request(ofTeam("north"))).id();
    assertThat(db.inTransaction(em, () -> exports.start(id, 4))).isTrue();
    db.inTransaction(em, () -> exports.advance(id, 2));
    em.clear();

    ExportJobView running = exports.find(id).orElseThrow();
    assertThat(running.status()).isEqualTo(ExportStatus.RUNNING);
    assertThat(running.patientsDone()).isEqualTo(2);
    assertThat(running.patientsTotal()).isEqualTo(4);
    assertThat(running.groupId()).contains("north");
    assertThat(running.types()).containsExactly("Patient", "Observation");

    db.inTransaction(
        em,
        () ->
            exports.complete(
                id,
                List.of(
                    new ExportFile("Patient", "Patient.ndjson", 4),
                    new ExportFile("Observation", "Observation.ndjson", 120))));
    em.clear();
    ExportJobView done = exports.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(done.files())
        .containsExactly(
            new ExportFile("Patient", "Patient.ndjson", 4),
            new ExportFile("Observation", "Observation.ndjson", 120));
    assertThat(done.expiresAt())
        .contains(OffsetDateTime.ofInstant(NOON.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    assertThat(exports.expired()).isEmpty();

    clock.advance(Duration.ofMinutes(61));
    assertThat(exports.find(id)).isEmpty();
    assertThat(exports.expired()).containsExactly(id);
    db.inTransaction(em, () -> exports.forget(id));
    assertThat(exports.expired()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aCancelledJobStopsItsRunnerAndExpiresAtOnce(JpaTestDatabase.Kind kind) {
    start(kind);
    String id = db.inTransaction(em, () -> exports.request(ofTeam("north"))).id();
    db.inTransaction(em, () -> exports.start(id, 10));
    db.inTransaction(em, () -> exports.cancel(id));

    assertThat(db.inTransaction(em, () -> exports.advance(id, 3))).isFalse();
    assertThat(db.inTransaction(em, () -> exports.complete(id, List.of()))).isFalse();
    assertThat(exports.find(id)).isEmpty();
    assertThat(exports.expired()).containsExactly(id);
  }

  /**
   * Several instances: a job runs on one and is polled on any. It is interrupted only when its
   * runner stopped reporting for two minutes, not because another instance answers the poll.
   */
  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aJobIsInterruptedOnlyWhenItsRunnerStoppedReporting(JpaTestDatabase.Kind kind) {
    start(kind);
    String id = db.inTransaction(em, () -> exports.request(ofTeam("north"))).id();
    String done = db.inTransaction(em, () -> exports.request(ofTeam("south"))).id();
    db.inTransaction(em, () -> exports.start(id, 10));
    db.inTransaction(em, () -> exports.complete(done, List.of()));

    clock.advance(Duration.ofSeconds(100));
    assertThat(db.inTransaction(em, () -> exports.interruptIfAbandoned(id))).isFalse();
    db.inTransaction(em, () -> exports.advance(id, 4));
    clock.advance(Duration.ofSeconds(100));
    assertThat(db.inTransaction(em, () -> exports.interruptIfAbandoned(id)))
        .as("it reported 100 s ago")
        .isFalse();
    clock.advance(Duration.ofSeconds(21));
    assertThat(db.inTransaction(em, () -> exports.interruptIfAbandoned(id))).isTrue();
    assertThat(db.inTransaction(em, () -> exports.interruptIfAbandoned(done)))
        .as("a finished job is never abandoned")
        .isFalse();
    em.clear();

    ExportJobView interrupted = exports.find(id).orElseThrow();
    assertThat(interrupted.status()).isEqualTo(ExportStatus.FAILED);
    assertThat(interrupted.failure())
        .hasValueSatisfying(f -> assertThat(f).contains("interrupted"));
    assertThat(db.inTransaction(em, () -> exports.advance(id, 5)))
        .as("a runner that wakes up after all stops")
        .isFalse();
    assertThat(exports.kept(List.of(id, done, "00000000-0000-0000-0000-000000000000")))
        .containsExactlyInAnyOrder(id, done);
  }

  @Test
  void aFutureSinceAndAGroupExportWithoutAGroupAreRefusedNamingTheParameter() {
    start(JpaTestDatabase.Kind.H2);
    RequestExport future =
        new RequestExport(
            "analytics",
            ExportReach.SYSTEM,
            null,
            Set.of("Patient"),
            OffsetDateTime.parse("2026-03-03T00:00:00Z"),
            "https://lumbra.test/fhir/$export");
    assertThatThrownBy(() -> db.inTransaction(em, () -> exports.request(future)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("_since");
    RequestExport noGroup =
        new RequestExport(
            "analytics", ExportReach.GROUP, "a team", Set.of("Patient"), null, "https://x/");
    assertThatThrownBy(() -> db.inTransaction(em, () -> exports.request(noGroup)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("Group id");
  }

  @Test
  void theRetentionIsBetweenAMinuteAndThirtyDays() {
    assertThatThrownBy(() -> ExportRetention.ofMinutes(0))
        .hasMessageContaining("lumbra.bulk.retention-minutes");
    assertThat(ExportRetention.ofMinutes(43200).keep()).isEqualTo(Duration.ofDays(30));
  }

  /** A clock tests move forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
