package app.lumbra.patient.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of patients known to exist, so that the check every incoming reading makes (FHIR-4: a
 * reading must be of a patient Lumbra knows) needs no query for a patient seen before.
 *
 * <p>Patients are never deleted and their ids never change, so an id that was once committed stays
 * true. An id is remembered only when the transaction that found it has committed: a patient
 * registered in a transaction that is then rolled back (a failed transaction Bundle) is never
 * remembered. The set is bounded; when it is full it starts again, which only costs queries.
 */
@ApplicationScoped
public class KnownPatients {

  /** At most this many ids (about 10 MB). */
  static final int CAPACITY = 100_000;

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  @Resource private TransactionSynchronizationRegistry transactions;

  /**
   * For CDI, which injects the transaction registry. Made directly (tests with resource-local
   * transactions), it has none and remembers ids at once.
   */
  public KnownPatients() {}

  KnownPatients(TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
  }

  /** Whether this id is of a patient whose registration has committed. */
  public boolean contains(String patientId) {
    return ids.contains(patientId);
  }

  /**
   * Remembers an id that the current transaction found, once that transaction has committed; at
   * once when there is no transaction.
   */
  public void rememberOnCommit(String patientId) {
    if (transactions == null || transactions.getTransactionKey() == null) {
      remember(patientId);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> pending = (Set<String>) transactions.getResource(KnownPatients.class);
    if (pending == null) {
      Set<String> found = new HashSet<>();
      transactions.putResource(KnownPatients.class, found);
      transactions.registerInterposedSynchronization(new RememberOnCommit(found));
      pending = found;
    }
    pending.add(patientId);
  }

  private void remember(String patientId) {
    if (ids.size() >= CAPACITY) {
      ids.clear();
    }
    ids.add(patientId);
  }

  /** Adds the ids a transaction found when, and only when, it has committed. */
  private final class RememberOnCommit implements Synchronization {
    private final Set<String> found;

    RememberOnCommit(Set<String> found) {
      this.found = found;
    }

    @Override
    public void beforeCompletion() {
      // Nothing is known before the outcome.
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        found.forEach(KnownPatients.this::remember);
      }
    }
  }
}
