package app.lumbra.export.application;

import app.lumbra.export.domain.ExportJob;
import app.lumbra.export.domain.ExportJobRepository;
import app.lumbra.export.domain.ExportOutput;
import app.lumbra.export.domain.ExportRetention;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The export job use cases, one transaction each: the FHIR adapter writes the files and reports
 * here how far it got, so a client polling (even after a restart) sees the job's state.
 */
@ApplicationScoped
@Transactional
public class BulkExports {

  private ExportJobRepository jobs;
  private ExportRetention retention;
  private Clock clock;

  /** For the CDI proxy only. */
  protected BulkExports() {}

  @Inject
  public BulkExports(ExportJobRepository jobs, ExportRetention retention, Clock clock) {
    this.jobs = jobs;
    this.retention = retention;
    this.clock = clock;
  }

  /** Accepts a new export job; the caller runs it. */
  public ExportJobView request(RequestExport command) {
    ExportJob job =
        ExportJob.request(
            UUID.randomUUID().toString(),
            command.requester(),
            command.reach(),
            command.groupId(),
            command.types(),
            command.since(),
            command.requestUrl(),
            clock);
    jobs.add(job);
    return ExportJobView.of(job);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ExportJobView> find(String id) {
    return jobs.find(id).filter(job -> !job.isExpired(clock)).map(ExportJobView::of);
  }

  /** The job began and will go through {@code patients} patients; false when it was cancelled. */
  public boolean start(String id, int patients) {
    ExportJob job = get(id);
    if (!job.status().isOpen()) {
      return false;
    }
    job.start(patients, clock);
    return true;
  }

  /** {@code done} patients are written; false when the job was cancelled meanwhile. */
  public boolean advance(String id, int done) {
    ExportJob job = get(id);
    if (!job.status().isOpen()) {
      return false;
    }
    job.advance(done, clock);
    return true;
  }

  /**
   * Fails the job as interrupted when it is open but its runner stopped reporting (see {@link
   * ExportJob#isAbandoned}); true when it did. Any instance may ask, whichever runs the job.
   */
  public boolean interruptIfAbandoned(String id) {
    ExportJob job = get(id);
    if (!job.isAbandoned(clock)) {
      return false;
    }
    job.fail(
        "The export was interrupted (the server running it stopped); start a new export",
        retention,
        clock);
    return true;
  }

  /** Which of {@code ids} are jobs still kept (not expired and forgotten). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> kept(Collection<String> ids) {
    Set<String> kept = new HashSet<>();
    for (String id : ids) {
      jobs.find(id).ifPresent(job -> kept.add(job.id()));
    }
    return kept;
  }

  /** Every file is written; false when the job was cancelled meanwhile (the files are dropped). */
  public boolean complete(String id, List<ExportFile> files) {
    ExportJob job = get(id);
    if (!job.status().isOpen()) {
      return false;
    }
    job.complete(
        files.stream()
            .map(file -> ExportOutput.of(file.resourceType(), file.fileName(), file.count()))
            .toList(),
        retention,
        clock);
    return true;
  }

  /** The job could not finish, for {@code reason}; nothing when it is no longer open. */
  public void fail(String id, String reason) {
    ExportJob job = get(id);
    if (job.status().isOpen()) {
      job.fail(reason, retention, clock);
    }
  }

  /** The requester cancels the job (a finished job's files are deleted at the next clean-up). */
  public void cancel(String id) {
    get(id).cancel(clock);
  }

  /**
   * Ids of jobs whose files are past their time, a batch at a time. In a transaction although it
   * only reads: it is called from a background thread, which has no entity manager outside one.
   */
  public List<String> expired() {
    return jobs.expiredAt(OffsetDateTime.now(clock)).stream().map(ExportJob::id).toList();
  }

  /** Forgets an expired job once its files are deleted. */
  public void forget(String id) {
    jobs.find(id).filter(job -> job.isExpired(clock)).ifPresent(jobs::remove);
  }

  private ExportJob get(String id) {
    return jobs.find(id).orElseThrow(() -> new NotFoundException("Export job", id));
  }
}
