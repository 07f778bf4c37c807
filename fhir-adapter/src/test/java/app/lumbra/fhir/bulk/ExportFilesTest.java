package app.lumbra.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.export.application.BulkExports;
import app.lumbra.export.application.ExportFile;
import app.lumbra.export.application.RequestExport;
import app.lumbra.export.domain.ExportJob;
import app.lumbra.export.domain.ExportJobRepository;
import app.lumbra.export.domain.ExportReach;
import app.lumbra.export.domain.ExportRetention;
import app.lumbra.fhir.support.LumbraFhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {

  @TempDir Path root;

  @Test
  void aFileHoldsOneResourcePerLineAndATypeWithoutDataHasNoFile() throws Exception {
    ExportFiles files = new ExportFiles(root);
    String job = "0b7e6c1e-6f9e-4a9f-9d55-2f2b0f1f0a01";
    Path directory = files.freshDirectory(job);
    try (NdjsonFiles out = new NdjsonFiles(directory, LumbraFhirContext.r4().newJsonParser())) {
      out.write(new Patient().setActive(true).setId("p1"));
      out.write(new Observation().setStatus(Observation.ObservationStatus.FINAL).setId("o1"));
      out.write(new Observation().setStatus(Observation.ObservationStatus.FINAL).setId("o2"));
      assertThat(out.files(PatientRecords.TYPES))
          .containsExactly(
              new ExportFile("Patient", "Patient.ndjson", 1),
              new ExportFile("Observation", "Observation.ndjson", 2));
    }
    List<String> lines = Files.readAllLines(files.file(job, "Observation.ndjson").orElseThrow());
    assertThat(lines)
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("{\"resourceType\":\"Observation\""));
    assertThat(files.file(job, "Condition.ndjson")).isEmpty();
  }

  @Test
  void onlyNamesAnExportWritesAreResolvedSoADownloadStaysInItsJob() throws Exception {
    ExportFiles files = new ExportFiles(root);
    String job = "0b7e6c1e-6f9e-4a9f-9d55-2f2b0f1f0a02";
    files.freshDirectory(job);
    Files.writeString(root.resolve("secret.ndjson"), "{}");

    assertThat(files.file(job, "../secret.ndjson")).isEmpty();
    assertThat(files.file(job, "/etc/passwd")).isEmpty();
    assertThat(files.file(job, "Patient.ndjson")).isEmpty();
  }

  @Test
  void expiredExportsLoseTheirFilesAndTheirJobWhileLiveOnesKeepThem() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T12:00:00Z"));
    InMemoryJobs jobs = new InMemoryJobs(clock);
    BulkExports exports = new BulkExports(jobs, ExportRetention.ofMinutes(30), clock);
    ExportFiles files = new ExportFiles(root);
    String old = finishedJob(exports, files);
    clock.advance(Duration.ofMinutes(20));
    String recent = finishedJob(exports, files);
    ExportRunner runner = new ExportRunner();
    runner.exports = exports;
    runner.files = files;

    clock.advance(Duration.ofMinutes(15));
    runner.deleteExpired();

    assertThat(Files.exists(root.resolve(old))).isFalse();
    assertThat(exports.find(old)).isEmpty();
    assertThat(jobs.find(old)).isEmpty();
    assertThat(files.file(recent, "Patient.ndjson")).isPresent();
    assertThat(exports.find(recent)).isPresent();
  }

  /**
   * Several instances, each with its own export directory: the instance that ran a job still holds
   * its files after another instance forgot the expired job; its own clean-up removes them, and
   * leaves the files of a job still kept (the other instance's live export) alone.
   */
  @Test
  void filesOfAJobAnotherInstanceForgotAreRemovedHere() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T12:00:00Z"));
    InMemoryJobs jobs = new InMemoryJobs(clock);
    BulkExports exports = new BulkExports(jobs, ExportRetention.ofMinutes(30), clock);
    ExportFiles here = new ExportFiles(root.resolve("instance-1"));
    ExportFiles there = new ExportFiles(root.resolve("instance-2"));
    String ranHere = finishedJob(exports, here);
    String live = finishedJob(exports, here);
    Files.createDirectories(root.resolve("instance-1").resolve("not-a-job"));
    exports.cancel(ranHere);

    ExportRunner other = new ExportRunner();
    other.exports = exports;
    other.files = there;
    other.deleteExpired();
    assertThat(jobs.find(ranHere)).as("the other instance forgot the job").isEmpty();
    assertThat(here.file(ranHere, "Patient.ndjson")).isPresent();

    ExportRunner runner = new ExportRunner();
    runner.exports = exports;
    runner.files = here;
    runner.deleteExpired();

    assertThat(Files.exists(root.resolve("instance-1").resolve(ranHere))).isFalse();
    assertThat(here.file(live, "Patient.ndjson")).isPresent();
    assertThat(root.resolve("instance-1").resolve("not-a-job")).isDirectory();
  }

  private static String finishedJob(BulkExports exports, ExportFiles files) throws Exception {
    String id =
        exports
            .request(
                new RequestExport(
                    "analytics",
                    ExportReach.SYSTEM,
                    null,
                    Set.of("Patient"),
                    null,
                    "https://lumbra.test/fhir/$export"))
            .id();
    exports.start(id, 1);
    Files.writeString(files.freshDirectory(id).resolve("Patient.ndjson"), "{}\n");
    exports.complete(id, List.of(new ExportFile("Patient", "Patient.ndjson", 1)));
    return id;
  }

  /** Export jobs in a map, as the JPA repository keeps them in a table. */
  private static final class InMemoryJobs implements ExportJobRepository {
    private final Map<String, ExportJob> jobs = new LinkedHashMap<>();
    private final Clock clock;

    InMemoryJobs(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Optional<ExportJob> find(String id) {
      return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void add(ExportJob job) {
      jobs.put(job.id(), job);
    }

    @Override
    public List<ExportJob> expiredAt(OffsetDateTime now) {
      List<ExportJob> expired = new ArrayList<>();
      jobs.values().stream().filter(job -> job.isExpired(clock)).forEach(expired::add);
      return expired;
    }

    @Override
    public void remove(ExportJob job) {
      jobs.remove(job.id());
    }
  }

  /** A clock tests move forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
