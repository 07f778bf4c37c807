package app.lumbra.fhir.bulk;

import app.lumbra.export.application.ExportFile;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/**
 * The NDJSON files of one export being written: one file per resource type ({@code
 * Observation.ndjson}), a resource per line, opened when its first line comes so a type without
 * data has no file (as Bulk Data asks).
 */
final class NdjsonFiles implements Closeable {

  private final Path directory;
  private final IParser parser;
  private final Map<String, Writer> writers = new LinkedHashMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  NdjsonFiles(Path directory, IParser parser) {
    this.directory = directory;
    this.parser = parser.setPrettyPrint(false);
  }

  void write(Resource resource) {
    String type = resource.fhirType();
    try {
      Writer writer = writers.get(type);
      if (writer == null) {
        writer =
            new BufferedWriter(
                Files.newBufferedWriter(directory.resolve(fileName(type)), StandardCharsets.UTF_8),
                64 * 1024);
        writers.put(type, writer);
      }
      parser.encodeResourceToWriter(resource, writer);
      writer.write('\n');
      counts.merge(type, 1L, Long::sum);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the " + type + " export file", e);
    }
  }

  static String fileName(String type) {
    return type + ".ndjson";
  }

  /** The files written, in the order of {@code types}. */
  List<ExportFile> files(List<String> types) {
    List<ExportFile> files = new ArrayList<>();
    for (String type : types) {
      Long count = counts.get(type);
      if (count != null) {
        files.add(new ExportFile(type, fileName(type), count));
      }
    }
    return files;
  }

  @Override
  public void close() {
    IOException failure = null;
    for (Writer writer : writers.values()) {
      try {
        writer.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("Could not finish an export file", failure);
    }
  }
}
