package app.lumbra.web.bulk;

import app.lumbra.fhir.bulk.ExportRunner;
import app.lumbra.shared.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired export files and their jobs every minute, once the schema is migrated, so files
 * never outlive {@code lumbra.bulk.retention-minutes} by more than a minute.
 */
@ApplicationScoped
public class ExportCleanUp {

  static final long PERIOD_SECONDS = 60;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject ExportRunner runner;

  private ScheduledFuture<?> task;

  void start(@Observes SchemaReady ready) {
    task =
        scheduler.scheduleWithFixedDelay(
            runner::deleteExpired, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
