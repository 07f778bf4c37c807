package app.lumbra.fhir.bulk;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.export.application.BulkExports;
import app.lumbra.export.application.ExportFile;
import app.lumbra.export.application.ExportJobView;
import app.lumbra.export.domain.ExportReach;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.domain.VisiblePatients;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs export jobs in the background, one patient page at a time: each page of patients is written
 * to the NDJSON files and reported to {@link BulkExports} (the progress a poll shows), which also
 * tells whether the requester cancelled meanwhile. Every finished export is audited with what it
 * held. {@link #deleteExpired} is called every minute by the web module's scheduler.
 */
@ApplicationScoped
public class ExportRunner {

  private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());
  private static final int PATIENTS_PER_PAGE = 100;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject BulkExports exports;
  @Inject PatientRecords records;
  @Inject ExportFiles files;
  @Inject AuditTrail audit;

  /**
   * The share of the time an export may work (MicroProfile Config {@code lumbra.bulk.duty-cycle},
   * 0.05 to 1): after every stretch of work it pauses so long that its work is this share of the
   * whole, leaving the rest of the machine to FHIR traffic. 1 never pauses (the fastest export).
   */
  @Inject
  @ConfigProperty(name = "lumbra.bulk.duty-cycle", defaultValue = "0.5")
  double dutyCycle;

  /** The stretch of work after which an export pauses (short, so traffic waits little). */
  static final Duration WORK_STRETCH = Duration.ofMillis(20);

  /** How often a runner reports progress while a page of patients is written (its heartbeat). */
  static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  /** Jobs this server instance is running. */
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /** Starts writing the job's files in the background. */
  public void submit(ExportJobView job) {
    running.add(job.id());
    executor.execute(() -> run(job));
  }

  /**
   * Whether this instance is writing the job. Another instance may be: {@link
   * BulkExports#interruptIfAbandoned} tells a job cut off by a restart.
   */
  public boolean isRunningHere(String jobId) {
    return running.contains(jobId);
  }

  /**
   * Deletes the files of jobs that are past their time and forgets the jobs; then deletes the files
   * of jobs no longer kept. With several instances the files of a job are on the disk of the one
   * that ran it (unless {@code lumbra.bulk.dir} is shared) and any instance may forget the job:
   * each instance removes what it holds of forgotten jobs.
   */
  public void deleteExpired() {
    try {
      for (String id : exports.expired()) {
        if (!running.contains(id)) {
          files.delete(id);
          exports.forget(id);
        }
      }
      Set<String> here = files.jobIds();
      here.removeAll(running);
      here.removeAll(exports.kept(here));
      here.forEach(files::delete);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not delete expired export files; retried in a minute: " + e);
    }
  }

  private void run(ExportJobView job) {
    try {
      List<String> types = PatientRecords.TYPES.stream().filter(job.types()::contains).toList();
      List<ExportFile> written = write(job, types);
      if (written == null || !exports.complete(job.id(), written)) {
        files.delete(job.id());
        audit(job, AccessOutcome.ALLOWED, "cancelled by the requester");
        return;
      }
      audit(job, AccessOutcome.ALLOWED, summary(written));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Export " + job.id() + " failed", e);
      files.delete(job.id());
      exports.fail(job.id(), "The export failed on the server; start a new export");
      audit(job, AccessOutcome.FAILED, "failed: " + e.getClass().getSimpleName());
    } finally {
      running.remove(job.id());
    }
  }

  /** The patients an export goes through, a page at a time. */
  private interface PatientSource {
    int total();

    List<PatientView> page(int offset, int limit);
  }

  private PatientSource patientsOf(ExportJobView job) {
    if (job.reach() == ExportReach.PATIENT_LIST) {
      // The members as the export starts: a change to the Group meanwhile is the next export's.
      List<String> members = records.members(job.groupId().orElseThrow());
      return new PatientSource() {
        @Override
        public int total() {
          return members.size();
        }

        @Override
        public List<PatientView> page(int offset, int limit) {
          return offset >= members.size()
              ? List.of()
              : records.patients(members.subList(offset, Math.min(offset + limit, members.size())));
        }
      };
    }
    VisiblePatients patients =
        job.reach() == ExportReach.GROUP
            ? VisiblePatients.ofTeam(job.groupId().orElseThrow())
            : VisiblePatients.all();
    return new PatientSource() {
      @Override
      public int total() {
        return (int) records.patients(patients, 0, 1).total();
      }

      @Override
      public List<PatientView> page(int offset, int limit) {
        return records.patients(patients, offset, limit).patients();
      }
    };
  }

  /** The files written, or null when the job was cancelled meanwhile. */
  private List<ExportFile> write(ExportJobView job, List<String> types) {
    PatientSource reach = patientsOf(job);
    int total = reach.total();
    if (!exports.start(job.id(), total)) {
      return null;
    }
    Set<String> wanted = Set.copyOf(types);
    try (NdjsonFiles out =
        new NdjsonFiles(files.freshDirectory(job.id()), LumbraFhirContext.r4().newJsonParser())) {
      int offset = 0;
      int done = 0;
      long reported = System.nanoTime();
      long working = System.nanoTime();
      List<PatientView> page;
      do {
        page = reach.page(offset, PATIENTS_PER_PAGE);
        for (PatientView patient : page) {
          records.write(patient, wanted, job.since().orElse(null), out::write);
          done++;
          long worked = System.nanoTime() - working;
          if (worked >= WORK_STRETCH.toNanos()) {
            pause(pauseNanos(worked, dutyCycle));
            working = System.nanoTime();
          }
          if (System.nanoTime() - reported > REPORT_EVERY.toNanos()) {
            // A page can take long: progress (and the heartbeat) is reported within it too.
            if (!exports.advance(job.id(), done)) {
              return null;
            }
            reported = System.nanoTime();
          }
        }
        offset += PATIENTS_PER_PAGE;
        if (!exports.advance(job.id(), done)) {
          return null;
        }
        reported = System.nanoTime();
      } while (offset < total || page.size() == PATIENTS_PER_PAGE);
      return out.files(types);
    }
  }

  /**
   * How long to pause after {@code workedNanos} of work so that work is {@code dutyCycle} of the
   * time (bounded to 0.05..1; 1 never pauses).
   */
  static long pauseNanos(long workedNanos, double dutyCycle) {
    double share = Math.max(0.05, Math.min(1, dutyCycle));
    return (long) (workedNanos * (1 - share) / share);
  }

  private static void pause(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      // A server shutting down: the export stops at its next check, as a cancelled one.
      Thread.currentThread().interrupt();
    }
  }

  private static String summary(List<ExportFile> written) {
    return written.isEmpty()
        ? "nothing matched"
        : written.stream()
            .map(file -> file.resourceType() + " " + file.count())
            .collect(Collectors.joining(", "));
  }

  private static String abbreviate(String url) {
    return url.length() <= 1000 ? url : url.substring(0, 997) + "...";
  }

  private void audit(ExportJobView job, AccessOutcome outcome, String detail) {
    audit.record(
        new RecordAccess(
            "FHIR",
            job.requester(),
            "bulk-export",
            abbreviate(job.requestUrl()),
            null,
            outcome,
            outcome == AccessOutcome.FAILED ? 500 : 200,
            "export " + job.id() + ": " + detail));
  }
}
