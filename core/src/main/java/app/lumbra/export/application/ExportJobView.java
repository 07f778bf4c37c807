package app.lumbra.export.application;

import app.lumbra.export.domain.ExportJob;
import app.lumbra.export.domain.ExportReach;
import app.lumbra.export.domain.ExportStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a client may know of its export job. */
public record ExportJobView(
    String id,
    String requester,
    ExportReach reach,
    Optional<String> groupId,
    Set<String> types,
    Optional<OffsetDateTime> since,
    String requestUrl,
    ExportStatus status,
    int patientsDone,
    int patientsTotal,
    OffsetDateTime requestedAt,
    Optional<OffsetDateTime> finishedAt,
    Optional<OffsetDateTime> expiresAt,
    Optional<String> failure,
    List<ExportFile> files) {

  static ExportJobView of(ExportJob job) {
    return new ExportJobView(
        job.id(),
        job.requester(),
        job.reach(),
        job.groupId(),
        job.resourceTypes(),
        job.since(),
        job.requestUrl(),
        job.status(),
        job.patientsDone(),
        job.patientsTotal(),
        job.requestedAt(),
        job.finishedAt(),
        job.expiresAt(),
        job.failure(),
        job.outputs().stream()
            .map(output -> new ExportFile(output.resourceType(), output.fileName(), output.count()))
            .toList());
  }

  /** Whether {@code client} asked for this job. */
  public boolean isRequestedBy(String client) {
    return requester.equals(client);
  }
}
