package app.lumbra.fhir.bulk;

import app.lumbra.cohort.application.CohortService;
import app.lumbra.export.application.BulkExports;
import app.lumbra.export.application.ExportFile;
import app.lumbra.export.application.ExportJobView;
import app.lumbra.export.application.RequestExport;
import app.lumbra.export.domain.ExportReach;
import app.lumbra.export.domain.ExportStatus;
import app.lumbra.fhir.security.AccessToken;
import app.lumbra.fhir.security.FhirAccessInterceptor;
import app.lumbra.fhir.server.PlainProvider;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;

/**
 * Bulk Data Access 2.0 export in the asynchronous request pattern: {@code $export} at system level,
 * on {@code Patient} and on {@code Group/[id]} (a Group of patients a client stored, else a care
 * team of that name) answers 202 with a {@code Content-Location} to poll ({@code
 * $export-poll-status?_jobId=}); the poll answers 202 with {@code X-Progress} while the export
 * runs, 200 with the manifest when it is done, and {@code DELETE} cancels. The manifest's files are
 * downloaded with the same bearer token ({@code $export-download}). Only the client that asked sees
 * its job; another gets 404.
 */
@ApplicationScoped
public class BulkExportProvider implements PlainProvider {

  private static final Logger LOG = Logger.getLogger(BulkExportProvider.class.getName());
  static final String NDJSON = "application/fhir+ndjson";
  private static final Set<String> OUTPUT_FORMATS = Set.of(NDJSON, "application/ndjson", "ndjson");
  private static final List<String> UNSUPPORTED =
      List.of("_typeFilter", "_elements", "includeAssociatedData", "patient", "_until");

  private BulkExports exports;
  private ExportRunner runner;
  private ExportFiles files;
  private PatientService patients;
  private CohortService cohorts;

  /** For the CDI proxy only. */
  protected BulkExportProvider() {}

  @Inject
  public BulkExportProvider(
      BulkExports exports,
      ExportRunner runner,
      ExportFiles files,
      PatientService patients,
      CohortService cohorts) {
    this.exports = exports;
    this.runner = runner;
    this.files = files;
    this.patients = patients;
    this.cohorts = cohorts;
  }

  @Operation(name = "$export", manualResponse = true, idempotent = true)
  public void exportSystem(ServletRequestDetails request) {
    kickOff(request, ExportReach.SYSTEM, null);
  }

  @Operation(name = "$export", type = Patient.class, manualResponse = true, idempotent = true)
  public void exportPatients(ServletRequestDetails request) {
    kickOff(request, ExportReach.ALL_PATIENTS, null);
  }

  @Operation(name = "$export", type = Group.class, manualResponse = true, idempotent = true)
  public void exportGroup(@IdParam IdType group, ServletRequestDetails request) {
    String id = group.getIdPart();
    if (cohorts.find(id).isPresent()) {
      // A stored Group of patients: its members only.
      kickOff(request, ExportReach.PATIENT_LIST, id);
      return;
    }
    if (patients.search("", VisiblePatients.ofTeam(id), 0, 1).total() == 0) {
      throw new ResourceNotFoundException(
          "Group/"
              + id
              + " is not known: a group is a Group of patients stored here or a care team that"
              + " has patients");
    }
    kickOff(request, ExportReach.GROUP, id);
  }

  private void kickOff(ServletRequestDetails request, ExportReach reach, String group) {
    AccessToken token = FhirAccessInterceptor.token(request);
    List<String> types = BulkAccess.types(token, requestedTypes(request));
    requireAsync(request);
    requireNdjson(single(request, "_outputFormat"));
    for (String parameter : UNSUPPORTED) {
      if (request.getParameters().containsKey(parameter)) {
        throw new InvalidValueException(
            parameter, single(request, parameter), "not supported; use _type and _since");
      }
    }
    ExportJobView job =
        exports.request(
            new RequestExport(
                BulkAccess.requester(token),
                reach,
                group,
                new LinkedHashSet<>(types),
                since(single(request, "_since")),
                request.getCompleteUrl()));
    runner.submit(job);
    HttpServletResponse response = request.getServletResponse();
    response.setStatus(HttpServletResponse.SC_ACCEPTED);
    response.setHeader("Content-Location", pollUrl(request, job.id()));
  }

  /**
   * The status of a job: 202 with {@code X-Progress} while it runs, 200 with the manifest when it
   * is done, 500 with an OperationOutcome when it failed; {@code DELETE} cancels it (202).
   */
  @Operation(
      name = "$export-poll-status",
      manualResponse = true,
      idempotent = true,
      deleteEnabled = true)
  public void pollStatus(ServletRequestDetails request) throws IOException {
    ExportJobView job = ownJob(request);
    HttpServletResponse response = request.getServletResponse();
    if (request.getRequestType() == RequestTypeEnum.DELETE) {
      cancel(job.id());
      if (!runner.isRunningHere(job.id())) {
        files.delete(job.id());
      }
      response.setStatus(HttpServletResponse.SC_ACCEPTED);
      return;
    }
    if (job.status().isOpen()
        && !runner.isRunningHere(job.id())
        && exports.interruptIfAbandoned(job.id())) {
      // Accepted or running, but its runner (here or on another instance) stopped reporting.
      job = ownJob(request);
    }
    if (job.status().isOpen()) {
      response.setStatus(HttpServletResponse.SC_ACCEPTED);
      response.setHeader("X-Progress", progress(job));
      response.setHeader("Retry-After", "2");
      return;
    }
    if (job.status() == ExportStatus.FAILED) {
      throw new ExportFailedException(job.failure().orElse("The export failed"));
    }
    writeManifest(request, job, response);
  }

  /** A file of a finished job's manifest, as NDJSON. */
  @Operation(name = "$export-download", manualResponse = true, idempotent = true)
  public void download(ServletRequestDetails request) throws IOException {
    ExportJobView job = ownJob(request);
    String name = single(request, "_file");
    boolean listed =
        job.status() == ExportStatus.COMPLETED
            && job.files().stream().anyMatch(file -> file.fileName().equals(name));
    if (!listed) {
      throw new ResourceNotFoundException(
          "Export " + job.id() + " has no file " + name + " (see its manifest)");
    }
    Optional<Path> here = files.file(job.id(), name);
    if (here.isEmpty()) {
      // Listed, so written, but by another instance onto a disk this one does not see.
      LOG.warning(
          "Export "
              + job.id()
              + " was written by another instance: with several instances lumbra.bulk.dir must"
              + " be a directory they share");
      throw new UnclassifiedServerFailureException(
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "The file " + name + " of export " + job.id() + " cannot be served now; try again");
    }
    Path file = here.get();
    HttpServletResponse response = request.getServletResponse();
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(NDJSON);
    response.setHeader("Content-Length", Long.toString(Files.size(file)));
    try (OutputStream out = response.getOutputStream()) {
      Files.copy(file, out);
    }
  }

  /**
   * Cancels the job. The runner records progress on the same row meanwhile, so a cancel can meet a
   * concurrent update (a version conflict at commit); it is tried again with the fresh row.
   */
  private void cancel(String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        exports.cancel(id);
        return;
      } catch (TransactionalException | OptimisticLockException conflict) {
        if (attempt == 3) {
          throw conflict;
        }
      }
    }
  }

  private ExportJobView ownJob(ServletRequestDetails request) {
    String id = single(request, "_jobId");
    AccessToken token = FhirAccessInterceptor.token(request);
    if (id == null || !id.matches("[0-9a-f-]{36}")) {
      throw new InvalidValueException("_jobId", id, "the job id of a Content-Location");
    }
    return exports
        .find(id)
        .filter(job -> token != null && job.isRequestedBy(BulkAccess.requester(token)))
        .filter(job -> job.status() != ExportStatus.CANCELLED)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "No export job " + id + " of this client (finished ones expire)"));
  }

  private static void writeManifest(
      ServletRequestDetails request, ExportJobView job, HttpServletResponse response)
      throws IOException {
    JsonArrayBuilder output = Json.createArrayBuilder();
    for (ExportFile file : job.files()) {
      output.add(
          Json.createObjectBuilder()
              .add("type", file.resourceType())
              .add("url", downloadUrl(request, job.id(), file.fileName()))
              .add("count", file.count()));
    }
    JsonObjectBuilder manifest =
        Json.createObjectBuilder()
            .add(
                "transactionTime",
                job.requestedAt()
                    .atZoneSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .add("request", job.requestUrl())
            .add("requiresAccessToken", true)
            .add("output", output)
            .add("error", Json.createArrayBuilder());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    job.expiresAt()
        .ifPresent(
            at ->
                response.setHeader(
                    "Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.withNano(0))));
    try (JsonWriter writer = Json.createWriter(response.getOutputStream())) {
      writer.writeObject(manifest.build());
    }
  }

  private static String progress(ExportJobView job) {
    return job.status() == ExportStatus.ACCEPTED
        ? "Accepted, starting"
        : "Exporting: " + job.patientsDone() + " of " + job.patientsTotal() + " patients";
  }

  private static String pollUrl(ServletRequestDetails request, String id) {
    return request.getFhirServerBase() + "/$export-poll-status?_jobId=" + id;
  }

  private static String downloadUrl(ServletRequestDetails request, String id, String file) {
    return request.getFhirServerBase()
        + "/$export-download?_jobId="
        + id
        + "&_file="
        + URLEncoder.encode(file, StandardCharsets.UTF_8);
  }

  private static Set<String> requestedTypes(ServletRequestDetails request) {
    Set<String> types = new LinkedHashSet<>();
    String[] values = request.getParameters().get("_type");
    if (values != null) {
      for (String value : values) {
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(type -> !type.isEmpty())
            .forEach(types::add);
      }
    }
    return types;
  }

  private static void requireAsync(ServletRequestDetails request) {
    String prefer = request.getHeader("Prefer");
    if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
      throw new InvalidValueException(
          "Prefer", prefer, "respond-async (Bulk Data exports answer asynchronously)");
    }
  }

  private static void requireNdjson(String format) {
    if (format != null && !OUTPUT_FORMATS.contains(format)) {
      throw new InvalidValueException("_outputFormat", format, String.join(", ", OUTPUT_FORMATS));
    }
  }

  private static OffsetDateTime since(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new InstantType(value).getValue().toInstant().atOffset(ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("_since", value, "a FHIR instant, e.g. 2026-03-01T00:00:00Z");
    }
  }

  private static String single(ServletRequestDetails request, String name) {
    String[] values = request.getParameters().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }
}
