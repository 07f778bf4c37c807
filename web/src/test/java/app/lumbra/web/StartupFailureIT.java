package app.lumbra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad configuration stops start-up with one line that says what is wrong and how to fix it, and no
 * stack trace.
 */
class StartupFailureIT {
  private static final int EX_CONFIG = 78;

  @Test
  void anUnreachableDatabaseStopsStartUpWithOneClearLine() throws Exception {
    try (LumbraProcess lumbra =
        LumbraProcess.withEnvironment(
            "unreachable-db",
            Map.of(
                "LUMBRA_DB_URL", "jdbc:postgresql://127.0.0.1:9/lumbra",
                "LUMBRA_DB_USER", "lumbra",
                "LUMBRA_DB_PASSWORD", "secret-password"))) {
      lumbra.launch();

      assertThat(lumbra.awaitExit(Duration.ofSeconds(120))).isEqualTo(EX_CONFIG);
      String log = lumbra.logText();
      assertThat(problemLines(log))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains("cannot connect to the database at jdbc:postgresql://127.0.0.1:9")
                      .contains("LUMBRA_DB_URL"));
      assertThat(log).doesNotContain("secret-password").doesNotContain("\tat ");
    }
  }

  @Test
  void aMissingVariableStopsStartUpNamingIt() throws Exception {
    try (LumbraProcess lumbra =
        LumbraProcess.withEnvironment(
            "missing-variable", Map.of("LUMBRA_DB_URL", "jdbc:postgresql://127.0.0.1:9/lumbra"))) {
      lumbra.launch();

      assertThat(lumbra.awaitExit(Duration.ofSeconds(120))).isEqualTo(EX_CONFIG);
      String log = lumbra.logText();
      assertThat(problemLines(log))
          .singleElement()
          .satisfies(line -> assertThat(line).contains("LUMBRA_DB_USER is not set"));
      assertThat(log).doesNotContain("\tat ");
    }
  }

  private static List<String> problemLines(String log) {
    return log.lines().filter(line -> line.contains("Lumbra cannot start:")).toList();
  }
}
