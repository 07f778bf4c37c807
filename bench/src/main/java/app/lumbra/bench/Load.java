package app.lumbra.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one scenario: {@code clients} threads share a bounded number of requests and a time limit,
 * and each request's latency is kept so that p50 and p99 are exact.
 */
final class Load {

  /** One request of a scenario; returns how many resources it handled, or throws. */
  @FunctionalInterface
  interface Call {
    int run(int index) throws Exception;
  }

  /** What a run measured. {@code items} counts resources (a Bundle of 100 counts 100). */
  record Measured(
      int requests,
      long items,
      int errors,
      double seconds,
      long p50Micros,
      long p95Micros,
      long p99Micros) {
    double requestsPerSecond() {
      return requests / seconds;
    }

    double itemsPerSecond() {
      return items / seconds;
    }
  }

  private Load() {}

  static Measured run(int clients, int requests, double maxSeconds, Call call)
      throws InterruptedException {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong items = new AtomicLong();
    ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    long started = System.nanoTime();
    Thread[] workers = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      workers[c] =
          new Thread(
              () -> {
                int index;
                while ((index = next.getAndIncrement()) < requests
                    && System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  try {
                    items.addAndGet(call.run(index));
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 3) {
                      firstErrors.add(e.getMessage());
                    }
                  }
                  latencies[index] = (System.nanoTime() - t0) / 1000;
                  done.incrementAndGet();
                }
              });
      workers[c].start();
    }
    // Long runs (the 1M-reading bulk load takes minutes) say how far they are every 15 s.
    long lastNote = started;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        worker.join(1000);
        long now = System.nanoTime();
        if (now - lastNote > 15_000_000_000L) {
          lastNote = now;
          Report.note(
              String.format(
                  "... %,d of %,d requests, %d errors, %.0f s",
                  done.get(), requests, errors.get(), (now - started) / 1e9));
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int n = done.get();
    long[] sorted = Arrays.copyOf(latencies, Math.min(requests, next.get()));
    sorted = Arrays.stream(sorted).filter(l -> l > 0).sorted().toArray();
    firstErrors.forEach(message -> Report.note("error: " + message));
    return new Measured(
        n,
        items.get(),
        errors.get(),
        seconds,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99));
  }

  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }
}
