package app.lumbra.web.security;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.shared.SchemaReady;
import app.lumbra.shared.StartupFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the audit journal into the database in the background, every {@value #PERIOD_MS} ms, so
 * that recording an access costs a file append instead of a database commit. At start-up it first
 * stores what a previous run left in the journal (after a crash, say); at shutdown it stores the
 * rest. While the database is unreachable the records wait in the journal.
 */
@ApplicationScoped
public class AuditJournalStoring {

  private static final Logger LOG = Logger.getLogger(AuditJournalStoring.class.getName());
  static final long PERIOD_MS = 200;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject AuditTrail trail;

  private ScheduledFuture<?> task;
  private volatile boolean failing;

  void start(@Observes SchemaReady ready) {
    try {
      trail.open();
    } catch (IllegalStateException e) {
      throw StartupFailure.abort(e.getMessage());
    }
    int left = trail.store();
    if (left > 0) {
      LOG.info(() -> "Stored " + left + " audit records left in the journal by the previous run");
    }
    task =
        scheduler.scheduleWithFixedDelay(
            this::storeInBackground, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void storeInBackground() {
    try {
      trail.store();
      if (failing) {
        failing = false;
        LOG.info("The audit journal is being stored in the database again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.log(
            Level.WARNING,
            "Could not store the audit journal in the database; its records wait in the journal"
                + " and are retried every "
                + PERIOD_MS
                + " ms: "
                + e);
      }
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    try {
      trail.store();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not store the audit journal at shutdown; the next start stores it: " + e);
    } finally {
      trail.close();
    }
  }
}
