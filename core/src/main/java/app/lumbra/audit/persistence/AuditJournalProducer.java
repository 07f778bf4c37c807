package app.lumbra.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit journal's directory: {@code lumbra.audit.journal-dir} (environment {@code
 * LUMBRA_AUDIT_JOURNAL_DIR}), by default {@code audit-journal} under {@code lumbra.data.dir}, next
 * to the embedded database. It must survive a restart of the process, like the database. The web
 * module opens it at start-up and closes it at shutdown, after storing what it holds.
 */
@ApplicationScoped
public class AuditJournalProducer {

  @Inject
  @ConfigProperty(name = "lumbra.audit.journal-dir")
  Optional<String> journalDir;

  @Inject
  @ConfigProperty(name = "lumbra.data.dir", defaultValue = "data")
  String dataDir;

  // Singleton, not application-scoped: the journal is final and needs no proxy.
  @Produces
  @Singleton
  AuditJournal journal() {
    return new AuditJournal(
        journalDir
            .filter(dir -> !dir.isBlank())
            .map(Path::of)
            .orElse(Path.of(dataDir.isBlank() ? "data" : dataDir, "audit-journal")));
  }
}
