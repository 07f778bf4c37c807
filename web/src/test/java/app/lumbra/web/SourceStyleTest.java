package app.lumbra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Style rules that compiled classes cannot show, checked on the Java sources of every module: a
 * comment gives the reason, not the issue that asked for it, and a class is imported rather than
 * named in full inside the code.
 */
class SourceStyleTest {
  private static final List<Path> SOURCE_ROOTS =
      List.of(
          Path.of("../core/src"),
          Path.of("../fhir-adapter/src"),
          Path.of("src"),
          Path.of("../bench/src"));

  private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\bissues? \\d+");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "(?<![\\w.\"/])(?:java|javax|jakarta|org|ca|com|app)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*");

  @Test
  void commentsGiveReasonsNotIssueNumbers() {
    assertThat(offendingLines(line -> ISSUE_NUMBER.matcher(line).find())).isEmpty();
  }

  @Test
  void classesAreImportedNotNamedInFull() {
    assertThat(
            offendingLines(
                line -> {
                  String code = withoutStrings(line).strip();
                  return !code.startsWith("import ")
                      && !code.startsWith("package ")
                      && !code.startsWith("*")
                      && !code.startsWith("/*")
                      && !code.startsWith("//")
                      && QUALIFIED_NAME.matcher(code).find();
                }))
        .isEmpty();
  }

  @Test
  void theCheckSeesEveryModule() {
    for (Path root : SOURCE_ROOTS) {
      assertThat(javaFiles(root)).as(root.toString()).isNotEmpty();
    }
  }

  private static List<String> offendingLines(Predicate<String> offends) {
    List<String> found = new ArrayList<>();
    for (Path root : SOURCE_ROOTS) {
      for (Path file : javaFiles(root)) {
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
          if (offends.test(lines.get(i))) {
            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    return found;
  }

  private static String withoutStrings(String line) {
    return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
