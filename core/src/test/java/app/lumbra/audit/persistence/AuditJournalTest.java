package app.lumbra.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.audit.domain.AuditRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditJournalTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T10:15:30.123456789Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final List<AuditJournal> opened = new ArrayList<>();
  private final List<AuditRecord> stored = new ArrayList<>();

  /** For each batch stored, whether the journal said it may be stored already. */
  private final List<Boolean> repeats = new ArrayList<>();

  /** A store that keeps what it is given. */
  private AuditJournal.Store store() {
    return (batch, mayBeStored) -> {
      stored.addAll(batch);
      repeats.add(mayBeStored);
    };
  }

  @AfterEach
  void close() {
    opened.forEach(AuditJournal::close);
  }

  private AuditJournal journal() {
    AuditJournal journal = new AuditJournal(dir);
    opened.add(journal);
    journal.open();
    return journal;
  }

  private static AuditRecord access(String entity, String patient, String detail) {
    return AuditRecord.of(
        "FHIR", "client:ehr", "read", entity, patient, AccessOutcome.DENIED, 403, detail, CLOCK);
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
    }
  }

  @Test
  void storesEveryFieldOfWhatWasAppendedInOrderAndThenForgetsIt() throws IOException {
    AuditJournal journal = journal();
    AuditRecord first = access("GET Observation/1", "p-1", "scope does not allow Observation");
    AuditRecord second = access("GET Patient?name=Ünal Ø", null, null);
    journal.append(first);
    journal.append(second);

    assertThat(journal.drain(store(), 500)).isEqualTo(2);

    assertThat(stored).usingRecursiveFieldByFieldElementComparator().containsExactly(first, second);
    assertThat(stored.get(0).recordedAt()).isEqualTo(first.recordedAt());
    assertThat(segments()).isEmpty();
    assertThat(repeats).as("its own records were never stored before").containsExactly(false);
    assertThat(journal.drain(store(), 500)).isZero();
    assertThat(stored).hasSize(2);
  }

  @Test
  void handsTheStoreBatchesOfTheGivenSize() {
    AuditJournal journal = journal();
    for (int i = 0; i < 5; i++) {
      journal.append(access("GET Observation/" + i, null, null));
    }
    List<Integer> batches = new ArrayList<>();

    journal.drain((batch, mayBeStored) -> batches.add(batch.size()), 2);

    assertThat(batches).containsExactly(2, 2, 1);
  }

  @Test
  void keepsTheRecordsWhenTheStoreFailsAndStoresThemNextTime() throws IOException {
    AuditJournal journal = journal();
    journal.append(access("GET Observation/1", null, null));

    assertThatThrownBy(
            () ->
                journal.drain(
                    (batch, mayBeStored) -> {
                      throw new IllegalStateException("database down");
                    },
                    500))
        .hasMessage("database down");
    assertThat(segments()).hasSize(1);

    journal.append(access("GET Observation/2", null, null));
    assertThat(journal.drain(store(), 500)).isEqualTo(2);
    assertThat(repeats)
        .as("the failed segment may be stored in part, the new one is not")
        .containsExactly(true, false);
    assertThat(stored)
        .extracting(AuditRecord::entity)
        .containsExactly("GET Observation/1", "GET Observation/2");
  }

  @Test
  void keepsWhatIsAppendedWhileItStores() {
    AuditJournal journal = journal();
    journal.append(access("GET Observation/1", null, null));

    journal.drain(
        (batch, mayBeStored) -> {
          stored.addAll(batch);
          journal.append(access("GET Observation/2", null, null));
        },
        500);

    assertThat(stored).extracting(AuditRecord::entity).containsExactly("GET Observation/1");
    journal.drain(store(), 500);
    assertThat(stored)
        .extracting(AuditRecord::entity)
        .containsExactly("GET Observation/1", "GET Observation/2");
  }

  @Test
  void theNextProcessStoresWhatAStoppedOneLeftAndKeepsTheOrder() {
    AuditJournal killed = journal();
    killed.append(access("GET Observation/1", null, null));
    killed.append(access("GET Observation/2", null, null));
    killed.close();

    AuditJournal next = journal();
    next.append(access("GET Observation/3", null, null));
    next.drain(store(), 500);

    assertThat(stored)
        .extracting(AuditRecord::entity)
        .containsExactly("GET Observation/1", "GET Observation/2", "GET Observation/3");
    assertThat(repeats)
        .as("what a stopped process left may be stored")
        .containsExactly(true, false);
  }

  @Test
  void aRecordCutShortByAKillIsLeftOutAndTheCompleteOnesAreStored() throws IOException {
    AuditJournal killed = journal();
    killed.append(access("GET Observation/1", null, null));
    killed.append(access("GET Observation/2", null, null));
    killed.close();
    Path segment = segments().get(0);
    try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      file.truncate(file.size() - 5);
    }

    journal().drain(store(), 500);

    assertThat(stored).extracting(AuditRecord::entity).containsExactly("GET Observation/1");
    assertThat(segments()).isEmpty();
  }

  @Test
  void aDamagedRecordStopsTheReadingThere() throws IOException {
    AuditJournal killed = journal();
    killed.append(access("GET Observation/1", null, null));
    killed.append(access("GET Observation/2", null, null));
    killed.close();
    Path segment = segments().get(0);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 3] ^= 0x55;
    Files.write(segment, bytes);

    journal().drain(store(), 500);

    assertThat(stored).extracting(AuditRecord::entity).containsExactly("GET Observation/1");
  }

  @Test
  void aClosedJournalTakesNothingMoreAndLeavesItsRecordsToTheNextOne() {
    AuditJournal stopping = journal();
    stopping.append(access("GET Observation/1", null, null));
    stopping.close();

    assertThatThrownBy(() -> stopping.append(access("GET Observation/2", null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> stopping.drain(store(), 500))
        .isInstanceOf(IllegalStateException.class);

    journal().drain(store(), 500);
    assertThat(stored).extracting(AuditRecord::entity).containsExactly("GET Observation/1");
  }

  @Test
  void aSecondJournalOnTheSameDirectoryIsRefusedWithTheReason() {
    journal();

    AuditJournal second = new AuditJournal(dir);
    opened.add(second);
    assertThatThrownBy(second::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("in use by another Lumbra process")
        .hasMessageContaining("lumbra.audit.journal-dir");
  }
}
