package app.lumbra.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table the benchmark prints, with a PASS/MISS verdict per row against its target. The JIT
 * column is the share of the row's server CPU that the JIT compiler threads used: compilation still
 * going on, which a longer warm-up removes.
 */
final class Report {
  // The benchmark is a console program: its table is its output.
  @SuppressWarnings("java:S106")
  private static final PrintStream OUT = System.out;

  private static final List<String> ROWS = new ArrayList<>();

  private Report() {}

  static void note(String line) {
    OUT.println("  .. " + line);
    OUT.flush();
  }

  static void row(
      String db,
      String scenario,
      String rate,
      String p50,
      String p99,
      String errors,
      String cpu,
      String jit,
      String target,
      boolean pass) {
    String line =
        String.format(
            "| %-3s | %-34s | %14s | %8s | %8s | %6s | %9s | %5s | %-4s | %s |",
            db, scenario, rate, p50, p99, errors, cpu, jit, pass ? "PASS" : "MISS", target);
    ROWS.add(line);
    OUT.println(line);
    OUT.flush();
  }

  static void print(String header) {
    OUT.println();
    OUT.println(header);
    OUT.println(
        String.format(
            "| %-3s | %-34s | %14s | %8s | %8s | %6s | %9s | %5s | %-4s | %s |",
            "db",
            "scenario",
            "rate",
            "p50 ms",
            "p99 ms",
            "errors",
            "CPU ms/op",
            "JIT",
            "",
            "target"));
    OUT.println(
        "|-----|------------------------------------|----------------|----------|"
            + "----------|--------|-----------|-------|------|------------------|");
    ROWS.forEach(OUT::println);
    OUT.flush();
  }
}
