package app.lumbra.export.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One bulk data export: who asked (the client of the token), whose data (every patient, or the
 * patients of a group: a care team or a list of patients), which resource types, changed since
 * when.
 *
 * <p>Lifecycle: {@link #request requested} (accepted) → {@link #start running} (with the number of
 * patients to go through, {@link #advance advanced} as they are written) → {@link #complete
 * completed} with its files, or {@link #fail failed} with a reason, or {@link #cancel cancelled} by
 * its requester at any time before. A finished job expires after the {@link ExportRetention}; a
 * cancelled one at once. Only the requester may see, cancel or download a job (checked by the
 * callers).
 *
 * <p>The instance running a job beats its {@link #beat heart} while it works; any instance may find
 * a job {@link #isAbandoned abandoned} when that stops for {@link #ABANDONED_AFTER} (the instance
 * died or restarted), and only then {@link #fail fails} it.
 */
@Entity
@Table(name = "export_job")
public class ExportJob {

  /**
   * An open job whose runner has not reported for this long was cut off. The runner reports at
   * least every {@code 10 s}; the margin covers a long pause of a busy instance.
   */
  public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "requester", nullable = false, length = 200)
  private String requester;

  @Enumerated(EnumType.STRING)
  @Column(name = "reach", nullable = false, length = 16)
  private ExportReach reach;

  @Column(name = "group_id", length = 64)
  private String groupId;

  @Column(name = "resource_types", nullable = false, length = 500)
  private String resourceTypes;

  @Column(name = "since")
  private OffsetDateTime since;

  @Column(name = "request_url", nullable = false, length = 2000)
  private String requestUrl;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private ExportStatus status;

  @Column(name = "patients_done", nullable = false)
  private int patientsDone;

  @Column(name = "patients_total", nullable = false)
  private int patientsTotal;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "heartbeat_at")
  private OffsetDateTime heartbeatAt;

  @Column(name = "failure", length = 1000)
  private String failure;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "export_output", joinColumns = @JoinColumn(name = "job_id"))
  @OrderColumn(name = "position")
  private List<ExportOutput> outputs = new ArrayList<>();

  protected ExportJob() {
    // for JPA
  }

  /**
   * A new accepted job. {@code groupId} is required for {@link ExportReach#GROUP} and {@link
   * ExportReach#PATIENT_LIST} and refused otherwise; {@code types} are the resource types to
   * export, at least one.
   */
  public static ExportJob request(
      String id,
      String requester,
      ExportReach reach,
      String groupId,
      Set<String> types,
      OffsetDateTime since,
      String requestUrl,
      Clock clock) {
    ExportJob job = new ExportJob();
    job.id = InvalidValueException.required("id", id, "a job id");
    if (requester == null || requester.isBlank()) {
      throw new InvalidValueException("requester", requester, "the client asking for the export");
    }
    job.requester = requester.strip();
    job.reach =
        InvalidValueException.required(
            "reach", reach, "SYSTEM, ALL_PATIENTS, GROUP or PATIENT_LIST");
    boolean ofGroup = reach == ExportReach.GROUP || reach == ExportReach.PATIENT_LIST;
    if (ofGroup && (groupId == null || !GROUP_ID.matcher(groupId).matches())) {
      throw new InvalidValueException(
          "Group id", groupId, "a care team name or the id of a Group of patients (a FHIR id)");
    }
    job.groupId = ofGroup ? groupId : null;
    if (types == null || types.isEmpty()) {
      throw new InvalidValueException("_type", types, "one or more resource types");
    }
    job.resourceTypes = String.join(",", types);
    job.requestedAt = OffsetDateTime.now(clock);
    if (since != null && since.isAfter(job.requestedAt)) {
      throw new InvalidValueException("_since", since, "an instant that is not in the future");
    }
    job.since = since;
    job.requestUrl = InvalidValueException.required("requestUrl", requestUrl, "the kick-off URL");
    job.status = ExportStatus.ACCEPTED;
    job.heartbeatAt = job.requestedAt;
    return job;
  }

  /** The export began: it will go through {@code patients} patients. */
  public void start(int patients, Clock clock) {
    requireOpen("start");
    beat(clock);
    status = ExportStatus.RUNNING;
    patientsTotal = Math.max(0, patients);
    patientsDone = 0;
  }

  /** {@code done} patients are written. */
  public void advance(int done, Clock clock) {
    requireOpen("advance");
    beat(clock);
    patientsDone = Math.min(Math.max(done, patientsDone), patientsTotal);
  }

  /** The instance running the job is still at it. */
  public void beat(Clock clock) {
    requireOpen("beat");
    heartbeatAt = OffsetDateTime.now(clock);
  }

  /**
   * Whether the job is open but nobody has run it for {@link #ABANDONED_AFTER}: the instance
   * running it died or restarted.
   */
  public boolean isAbandoned(Clock clock) {
    OffsetDateTime last = heartbeatAt == null ? requestedAt : heartbeatAt;
    return status.isOpen() && last.plus(ABANDONED_AFTER).isBefore(OffsetDateTime.now(clock));
  }

  /** Every file is written; they are kept for {@code retention}. */
  public void complete(List<ExportOutput> files, ExportRetention retention, Clock clock) {
    requireOpen("complete");
    status = ExportStatus.COMPLETED;
    patientsDone = patientsTotal;
    outputs.clear();
    outputs.addAll(files);
    finish(retention, clock);
  }

  /** The export could not be finished, for {@code reason} (said to the client when it polls). */
  public void fail(String reason, ExportRetention retention, Clock clock) {
    requireOpen("fail");
    status = ExportStatus.FAILED;
    failure = reason == null || reason.isBlank() ? "The export failed" : abbreviate(reason);
    outputs.clear();
    finish(retention, clock);
  }

  /** The requester no longer wants it: its files are deleted at the next clean-up. */
  public void cancel(Clock clock) {
    status = ExportStatus.CANCELLED;
    outputs.clear();
    finishedAt = OffsetDateTime.now(clock);
    expiresAt = finishedAt;
  }

  private void finish(ExportRetention retention, Clock clock) {
    finishedAt = OffsetDateTime.now(clock);
    expiresAt = finishedAt.plus(retention.keep());
  }

  private void requireOpen(String verb) {
    if (!status.isOpen()) {
      throw new IllegalStateException(
          "Export " + id + " is " + status + " and cannot " + verb + " any more");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
  }

  /** Whether its files are past their time at {@code clock}'s now. */
  public boolean isExpired(Clock clock) {
    return expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(clock));
  }

  /** Whether {@code client} asked for this job. */
  public boolean isRequestedBy(String client) {
    return requester.equals(client);
  }

  public String id() {
    return id;
  }

  public String requester() {
    return requester;
  }

  public ExportReach reach() {
    return reach;
  }

  public Optional<String> groupId() {
    return Optional.ofNullable(groupId);
  }

  public Set<String> resourceTypes() {
    return new LinkedHashSet<>(Arrays.asList(resourceTypes.split(",")));
  }

  public Optional<OffsetDateTime> since() {
    return Optional.ofNullable(since);
  }

  public String requestUrl() {
    return requestUrl;
  }

  public ExportStatus status() {
    return status;
  }

  public int patientsDone() {
    return patientsDone;
  }

  public int patientsTotal() {
    return patientsTotal;
  }

  public OffsetDateTime requestedAt() {
    return requestedAt;
  }

  public Optional<OffsetDateTime> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<OffsetDateTime> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public List<ExportOutput> outputs() {
    return List.copyOf(outputs);
  }
}
