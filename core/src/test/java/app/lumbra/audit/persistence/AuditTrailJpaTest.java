package app.lumbra.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.audit.application.AuditQuery;
import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.AuditWriter;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit trail over its journal and a real database: what is recorded is read back once. */
class AuditTrailJpaTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private JpaTestDatabase db;
  private AuditJournal journal;
  private AuditTrail trail;
  private AuditWriter writer;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    EntityManager em = db.entityManager();
    JpaAuditRecordRepository records = new JpaAuditRecordRepository(em);
    journal = new AuditJournal(dir);
    writer =
        new AuditWriter(records) {
          @Override
          public void write(List<AuditRecord> batch) {
            db.inTransaction(em, () -> super.write(batch));
          }

          @Override
          public void writeMissing(List<AuditRecord> batch) {
            db.inTransaction(em, () -> super.writeMissing(batch));
          }
        };
    trail = new AuditTrail(records, CLOCK, writer, journal);
    trail.open();
  }

  @AfterEach
  void stop() {
    if (journal != null) {
      journal.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private String record(String patient) {
    return trail.record(
        new RecordAccess(
            "FHIR",
            "client:ehr",
            "read",
            "GET Patient/" + patient,
            patient,
            AccessOutcome.ALLOWED,
            200,
            null));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aRecordIsInTheJournalAtOnceAndEveryReadOfTheTrailSeesIt(JpaTestDatabase.Kind kind) {
    start(kind);
    String id = record("p-1");
    record("p-2");

    assertThat(db.countRows("audit_event")).isZero();
    assertThat(trail.count(new AuditQuery("p-1", null, null, null, null))).isEqualTo(1);
    assertThat(trail.get(id).patientId()).isEqualTo("p-1");
    assertThat(db.countRows("audit_event")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void aRecordReadAgainAfterACrashIsStoredOnce(JpaTestDatabase.Kind kind) {
    start(kind);
    record("p-1");
    List<AuditRecord> firstDrain = new ArrayList<>();
    journal.drain(
        (batch, mayBeStored) -> {
          firstDrain.addAll(batch);
          writer.write(batch);
        },
        500);
    record("p-2");

    // The process died after the commit and before the journal forgot the segment: the same
    // records come again, together with a new one.
    List<AuditRecord> again = new ArrayList<>(firstDrain);
    journal.drain((batch, mayBeStored) -> again.addAll(batch), 500);
    writer.writeMissing(again);

    assertThat(again).hasSize(2);
    assertThat(db.countRows("audit_event")).isEqualTo(2);
  }
}
