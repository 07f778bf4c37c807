package app.lumbra.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario h: a system-level Bulk Data {@code $export} of everything in the database (after the
 * large load, the readings of {@code --large N}) through the async pattern: kick-off, polling,
 * manifest, download of every NDJSON file. Measures the total time and resources/s, the server's
 * heap (from {@code jstat -gc}, every second: the old generation's peak, garbage included; and the
 * live heap, the old generation after a full collection, before, every 30 s during and right after
 * the export) and resident memory, and the p95 of a read/search mix of 2 clients before and during
 * the export. "Streams" is judged on the live heap.
 */
final class ExportScenario {
  private static final Pattern FILE_URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");

  /** The mix's clients pause between requests: steady traffic, not a second saturating load. */
  private static final long THINK_MILLIS = 20;

  private static final double BASELINE_SECONDS = 30;

  /** Concurrent FHIR traffic not slowed by more than 20 %. */
  private static final double MAX_SLOWDOWN = 1.2;

  /** Streaming: the live heap may grow by this much at most while the export runs. */
  private static final double MAX_OLD_GROWTH_MIB = 64;

  /**
   * How often the live heap is measured while the export runs (a full collection each time, which
   * the concurrent traffic also feels: a few of its requests wait for it).
   */
  private static final long LIVE_EVERY_SECONDS = 30;

  /** The highest live heap measured while the export ran (NaN: not measured). */
  private double peakLiveMib = Double.NaN;

  private final Benchmark bench;
  private final List<String> patients;
  private final List<String> observationIds;

  ExportScenario(Benchmark bench, List<String> patients, List<String> observationIds) {
    this.bench = bench;
    this.patients = patients;
    this.observationIds = observationIds;
  }

  /** A read/search mix's latencies (sorted, microseconds), errors and duration. */
  private record Mix(long[] sorted, int errors, double seconds) {
    double p95Ms() {
      return Load.percentile(sorted, 95) / 1000.0;
    }

    double p50Ms() {
      return Load.percentile(sorted, 50) / 1000.0;
    }

    double p99Ms() {
      return Load.percentile(sorted, 99) / 1000.0;
    }

    double rate() {
      return sorted.length / seconds;
    }
  }

  void run() throws Exception {
    String db = bench.db;
    try (HeapSampler heap = HeapSampler.start(bench.server.pid())) {
      Report.note(db + ": h. read/search mix, 2 clients, " + BASELINE_SECONDS + " s before export");
      long baselineEnd = System.nanoTime() + (long) (BASELINE_SECONDS * 1e9);
      Mix before = mix(() -> System.nanoTime() < baselineEnd);
      Report.note(
          String.format(
              "%s: h. mix before: %d requests, %.0f req/s, p50 %.1f / p95 %.1f / p99 %.1f ms, %d"
                  + " errors",
              db,
              before.sorted().length,
              before.rate(),
              before.p50Ms(),
              before.p95Ms(),
              before.p99Ms(),
              before.errors()));
      double liveBefore = heap.liveMib();
      HeapSampler.Sample heapBefore = heap.latest();
      double cpuBefore = bench.server.cpuMillis();
      double jitBefore = bench.server.compilerCpuMillis();
      heap.resetPeaks();

      final boolean[] exporting = {true};
      Mix[] during = new Mix[1];
      Thread traffic =
          new Thread(
              () -> {
                try {
                  during[0] = mix(() -> exporting[0]);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      long t0 = System.nanoTime();
      traffic.start();
      Map<String, Long> counts;
      long lines;
      double exportSeconds;
      double downloadSeconds;
      int errors = 0;
      try {
        HttpResponse<String> kickOff =
            bench.send(
                bench.request("/fhir/$export").header("Prefer", "respond-async").GET().build());
        String status =
            kickOff
                .headers()
                .firstValue("Content-Location")
                .orElseThrow(() -> new IOException("kick-off without Content-Location"));
        String manifest = poll(status, heap);
        exportSeconds = (System.nanoTime() - t0) / 1e9;
        Report.note(String.format("%s: h. export done in %.1f s; downloading", db, exportSeconds));
        counts = new HashMap<>();
        long t1 = System.nanoTime();
        Matcher files = FILE_URL.matcher(manifest);
        while (files.find()) {
          String url = files.group(1);
          counts.put(url.substring(url.lastIndexOf('/') + 1), download(url));
        }
        downloadSeconds = (System.nanoTime() - t1) / 1e9;
        lines = counts.values().stream().mapToLong(Long::longValue).sum();
        peakLiveMib = highest(peakLiveMib, heap.liveMib());
        bench.http.send(absolute(status).DELETE().build(), HttpResponse.BodyHandlers.discarding());
      } finally {
        exporting[0] = false;
        traffic.join();
      }
      double total = (System.nanoTime() - t0) / 1e9;
      double cpu = bench.server.cpuMillis() - cpuBefore;
      String jit =
          String.format("%.0f%%", 100 * (bench.server.compilerCpuMillis() - jitBefore) / cpu);
      HeapSampler.Sample peak = heap.peak();
      Report.note(
          String.format(
              "%s: h. %,d resources in %d files %s: export %.1f s + download %.1f s",
              db, lines, counts.size(), counts, exportSeconds, downloadSeconds));
      Report.note(
          String.format(
              "%s: h. heap: before old gen %.0f MiB, used %.0f MiB; during export peak old gen"
                  + " %.0f MiB, peak used %.0f MiB, full GCs %d; peak RSS during %.0f MiB"
                  + " (heap samples %d)",
              db,
              heapBefore.oldMib(),
              heapBefore.usedMib(),
              peak.oldMib(),
              peak.usedMib(),
              peak.fullGcs() - heapBefore.fullGcs(),
              heap.peakRssMib(),
              heap.samples()));
      Mix mixed = during[0];
      Report.note(
          String.format(
              "%s: h. mix during: %d requests, %.0f req/s, p50 %.1f / p95 %.1f / p99 %.1f ms, %d"
                  + " errors",
              db,
              mixed.sorted().length,
              mixed.rate(),
              mixed.p50Ms(),
              mixed.p95Ms(),
              mixed.p99Ms(),
              mixed.errors()));
      double growth = peakLiveMib - liveBefore;
      Report.note(
          String.format(
              "%s: h. live heap (old gen after a full GC): before %.0f MiB, highest during and"
                  + " right after the export %.0f MiB",
              db, liveBefore, peakLiveMib));
      Report.row(
          db,
          String.format("h. $export %,d res in %.0f s", lines, total),
          String.format("%.0f res/s", lines / total),
          "",
          "",
          Integer.toString(errors),
          String.format("%.3f", cpu / Math.max(1, lines)),
          jit,
          String.format(
              "live heap +%.0f MiB (<= %.0f), old gen peak +%.0f MiB, RSS %.0f MiB",
              growth, MAX_OLD_GROWTH_MIB, peak.oldMib() - heapBefore.oldMib(), heap.peakRssMib()),
          !Double.isNaN(growth) && growth <= MAX_OLD_GROWTH_MIB);
      Report.row(
          db,
          "h. read/search mix during export",
          String.format("%.0f req/s", mixed.rate()),
          String.format("%.2f", mixed.p50Ms()),
          String.format("%.2f", mixed.p99Ms()),
          Integer.toString(mixed.errors()),
          "",
          "",
          String.format("p95 %.1f ms <= 1.2 x %.1f ms before", mixed.p95Ms(), before.p95Ms()),
          mixed.errors() == 0 && mixed.p95Ms() <= MAX_SLOWDOWN * before.p95Ms());
    }
  }

  /** The larger of two measurements, either of which may be NaN (not measured). */
  private static double highest(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /**
   * Polls the status URL until the manifest; says how far the export is every 15 s, and measures
   * the live heap every {@link #LIVE_EVERY_SECONDS} s.
   */
  private String poll(String status, HeapSampler heap) throws Exception {
    long lastNote = System.nanoTime();
    long lastLive = System.nanoTime();
    while (true) {
      HttpResponse<String> answer =
          bench.http.send(absolute(status).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        return answer.body();
      }
      if (answer.statusCode() != 202) {
        throw new IOException("export status -> " + answer.statusCode() + ": " + answer.body());
      }
      if (System.nanoTime() - lastLive > LIVE_EVERY_SECONDS * 1_000_000_000L) {
        lastLive = System.nanoTime();
        peakLiveMib = highest(peakLiveMib, heap.liveMib());
      }
      if (System.nanoTime() - lastNote > 15_000_000_000L) {
        lastNote = System.nanoTime();
        Report.note(
            bench.db
                + ": h. export in progress: "
                + answer.headers().firstValue("X-Progress").orElse("?"));
      }
      Thread.sleep(1000);
    }
  }

  private HttpRequest.Builder absolute(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofMinutes(30))
        .header("Authorization", "Bearer " + bench.token);
  }

  /** Downloads one NDJSON file as a stream and answers its number of lines (resources). */
  private long download(String url) throws Exception {
    HttpResponse<InputStream> answer =
        bench.http.send(
            absolute(url).header("Accept", "application/fhir+ndjson").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (answer.statusCode() != 200) {
      throw new IOException("download " + url + " -> " + answer.statusCode());
    }
    long n = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          n++;
        }
      }
    }
    return n;
  }

  /** Two clients alternating a search and a read by id until {@code running} says stop. */
  private Mix mix(BooleanSupplier running) throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    Thread[] clients = new Thread[2];
    for (int c = 0; c < clients.length; c++) {
      clients[c] =
          new Thread(
              () -> {
                while (running.getAsBoolean()) {
                  int i = next.getAndIncrement();
                  long t0 = System.nanoTime();
                  try {
                    if (i % 2 == 0) {
                      bench.search(patients.get((i * 7919 & Integer.MAX_VALUE) % patients.size()));
                    } else {
                      bench.read("Observation/" + observationIds.get(i % observationIds.size()));
                    }
                    latencies.add((System.nanoTime() - t0) / 1000);
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  try {
                    Thread.sleep(THINK_MILLIS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              });
      clients[c].start();
    }
    for (Thread client : clients) {
      client.join();
    }
    long[] sorted;
    synchronized (latencies) {
      sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    }
    Arrays.sort(sorted);
    return new Mix(sorted, errors.get(), (System.nanoTime() - started) / 1e9);
  }

  /**
   * The server's heap, read by {@code jstat -gc PID 1000} (one process printing a line a second,
   * rather than a JVM started per sample), and its resident memory from /proc.
   */
  static final class HeapSampler implements AutoCloseable {
    record Sample(double usedMib, double oldMib, long fullGcs) {}

    private final Process jstat;
    private final long pid;
    private volatile Sample latest = new Sample(0, 0, 0);
    private volatile Sample peak = new Sample(0, 0, 0);
    private volatile double peakRssMib;
    private final AtomicInteger samples = new AtomicInteger();

    private HeapSampler(Process jstat, long pid) {
      this.jstat = jstat;
      this.pid = pid;
    }

    static HeapSampler start(long pid) throws IOException {
      Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
      if (!Files.isExecutable(jstat)) {
        Report.note("h. no jstat in " + jstat.getParent() + ": heap not measured");
        return new HeapSampler(null, pid);
      }
      Process process =
          new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid), "1000")
              .redirectErrorStream(true)
              .start();
      HeapSampler sampler = new HeapSampler(process, pid);
      Thread reader = new Thread(sampler::read, "jstat-reader");
      reader.setDaemon(true);
      reader.start();
      return sampler;
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
        List<String> header = null;
        String line;
        while ((line = lines.readLine()) != null) {
          List<String> fields = List.of(line.trim().split("\\s+"));
          if (fields.contains("OU")) {
            header = fields;
            continue;
          }
          if (header == null || fields.size() != header.size()) {
            continue;
          }
          double used =
              (value(header, fields, "S0U")
                      + value(header, fields, "S1U")
                      + value(header, fields, "EU")
                      + value(header, fields, "OU"))
                  / 1024;
          double old = value(header, fields, "OU") / 1024;
          long full = (long) value(header, fields, "FGC");
          Sample sample = new Sample(used, old, full);
          latest = sample;
          Sample top = peak;
          peak = new Sample(Math.max(top.usedMib(), used), Math.max(top.oldMib(), old), full);
          peakRssMib = Math.max(peakRssMib, rssMib());
          samples.incrementAndGet();
        }
      } catch (IOException | NumberFormatException e) {
        Report.note("h. jstat stopped: " + e.getMessage());
      }
    }

    private static double value(List<String> header, List<String> fields, String column) {
      return Double.parseDouble(fields.get(header.indexOf(column)));
    }

    private double rssMib() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return 0;
    }

    Sample latest() {
      return latest;
    }

    Sample peak() {
      return peak;
    }

    double peakRssMib() {
      return peakRssMib;
    }

    int samples() {
      return samples.get();
    }

    /**
     * The live heap: the old generation right after a full collection that {@code jcmd PID GC.run}
     * asks for (what the server holds, without the garbage a peak of the old generation also
     * counts). Waits for the jstat sample that shows the collection; NaN without jstat or jcmd.
     */
    double liveMib() throws IOException, InterruptedException {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      if (jstat == null || !Files.isExecutable(jcmd)) {
        return Double.NaN;
      }
      long before = latest.fullGcs();
      new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (latest.fullGcs() <= before && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Thread.sleep(1100);
      return latest.oldMib();
    }

    /** From now on, peaks are those of the export (RSS included). */
    void resetPeaks() {
      peak = latest;
      peakRssMib = rssMib();
      samples.set(0);
    }

    @Override
    public void close() {
      if (jstat != null) {
        jstat.destroy();
      }
    }
  }
}
