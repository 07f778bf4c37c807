package app.lumbra.patient.application;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fixtures.TestClocks;
import app.lumbra.patient.domain.Patient;
import app.lumbra.patient.domain.PatientDetails;
import app.lumbra.patient.domain.PatientRepository;
import app.lumbra.testsupport.RecordedEvents;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A patient id is remembered only once the transaction that found it has committed, never after a
 * rollback, and only positive answers are remembered.
 */
class KnownPatientsTest {

  private static final String KNOWN = "3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b7c45";
  private static final String MISSING = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

  private final FakeTransaction transaction = new FakeTransaction();
  private final KnownPatients known = new KnownPatients(transaction);

  @Test
  void anIdFoundInATransactionIsKnownOnlyAfterItCommits() {
    transaction.begin();
    known.rememberOnCommit("p-1");
    known.rememberOnCommit("p-2");

    assertThat(known.contains("p-1")).isFalse();
    transaction.end(Status.STATUS_COMMITTED);

    assertThat(known.contains("p-1")).isTrue();
    assertThat(known.contains("p-2")).isTrue();
    assertThat(transaction.synchronizations).as("one per transaction").hasSize(1);
  }

  @Test
  void anIdFoundInATransactionThatRolledBackIsNeverKnown() {
    transaction.begin();
    known.rememberOnCommit("registered-then-rolled-back");
    transaction.end(Status.STATUS_ROLLEDBACK);

    assertThat(known.contains("registered-then-rolled-back")).isFalse();
  }

  @Test
  void withoutATransactionAnIdIsKnownAtOnce() {
    known.rememberOnCommit("p-3");

    assertThat(known.contains("p-3")).isTrue();
  }

  @Test
  void whenFullItStartsAgain() {
    for (int i = 0; i < KnownPatients.CAPACITY; i++) {
      known.rememberOnCommit("p-" + i);
    }
    assertThat(known.contains("p-0")).isTrue();

    known.rememberOnCommit("one-too-many");

    assertThat(known.contains("p-0")).isFalse();
    assertThat(known.contains("one-too-many")).isTrue();
  }

  @Test
  void thePatientServiceAsksTheDatabaseOnlyUntilAPatientIsKnown() {
    List<String> finds = new ArrayList<>();
    PatientRepository repository =
        (PatientRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PatientRepository.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("find")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  String id = args[0].toString();
                  finds.add(id);
                  return id.equals(KNOWN) ? Optional.of(patient()) : Optional.empty();
                });
    PatientService service =
        new PatientService(
            repository, TestClocks.MONDAY_MORNING, new RecordedEvents<>(), new KnownPatients());

    assertThat(service.exists(KNOWN)).isTrue();
    assertThat(service.exists(KNOWN)).isTrue();
    assertThat(service.exists(MISSING)).isFalse();
    assertThat(service.exists(MISSING)).isFalse();

    assertThat(finds).containsExactly(KNOWN, MISSING, MISSING);
  }

  private static Patient patient() {
    return Patient.register(
        new PatientDetails(List.of(), "Rivera", "Ana", LocalDate.of(1980, 1, 1), null),
        TestClocks.MONDAY_MORNING);
  }

  /** One transaction at a time, completed by the test. */
  private static final class FakeTransaction implements TransactionSynchronizationRegistry {
    private Object key;
    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();

    void begin() {
      key = new Object();
    }

    void end(int status) {
      synchronizations.forEach(Synchronization::beforeCompletion);
      synchronizations.forEach(s -> s.afterCompletion(status));
      key = null;
      resources.clear();
    }

    @Override
    public Object getTransactionKey() {
      return key;
    }

    @Override
    public void putResource(Object resourceKey, Object value) {
      resources.put(resourceKey, value);
    }

    @Override
    public Object getResource(Object resourceKey) {
      return resources.get(resourceKey);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
