package app.lumbra.fhir.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where export files live: one directory per job under {@code lumbra.bulk.dir}, by default {@code
 * ${lumbra.data.dir}/bulk-export}. Only names an export wrote (a resource type and {@code .ndjson})
 * are ever resolved, so a download cannot reach outside its job's directory.
 */
@ApplicationScoped
public class ExportFiles {

  private static final Pattern JOB_ID = Pattern.compile("[0-9a-f-]{36}");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z]{1,64}\\.ndjson");

  private Path root;

  /** For the CDI proxy only. */
  protected ExportFiles() {}

  @Inject
  public ExportFiles(
      @ConfigProperty(name = "lumbra.data.dir", defaultValue = "data") String dataDir,
      @ConfigProperty(name = "lumbra.bulk.dir") Optional<String> bulkDir) {
    this(bulkDir.map(Path::of).orElse(Path.of(dataDir).resolve("bulk-export")));
  }

  /** Files under {@code root}: for tests. */
  public ExportFiles(Path root) {
    this.root = root.toAbsolutePath();
  }

  /** The job's directory, created empty (a previous attempt's files are removed). */
  public Path freshDirectory(String jobId) {
    Path directory = directory(jobId);
    delete(jobId);
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the export directory " + directory, e);
    }
  }

  /** The file {@code name} of the job, when it is a name exports write and it exists. */
  public Optional<Path> file(String jobId, String name) {
    if (name == null || !FILE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path file = directory(jobId).resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Deletes the job's directory and its files; nothing when there is none. */
  public void delete(String jobId) {
    Path directory = directory(jobId);
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the export directory " + directory, e);
    }
  }

  /** The ids of the jobs that have a directory here. */
  public Set<String> jobIds() {
    if (!Files.isDirectory(root)) {
      return new HashSet<>();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .filter(name -> JOB_ID.matcher(name).matches())
          .collect(Collectors.toCollection(HashSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the export directory " + root, e);
    }
  }

  private Path directory(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      throw new IllegalArgumentException("Not an export job id: " + jobId);
    }
    return root.resolve(jobId);
  }
}
