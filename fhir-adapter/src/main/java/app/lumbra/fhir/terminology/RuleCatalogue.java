package app.lumbra.fhir.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product rules by id (PLAN-3, SAFE-2, …) with their titles and wording, read from {@code
 * docs/RULES.md}, which the build copies beside this class. That document is the one home of the
 * rules' words; the rule CodeSystem and the names alerts carry over FHIR come from here.
 */
public final class RuleCatalogue {

  /** A rule's id, its title, and its "Rule:" sentence. */
  public record Rule(String id, String title, String statement) {}

  private static final Pattern HEADING = Pattern.compile("^### ([A-Z]+-\\d+) — (.+)$");
  private static final Pattern STATEMENT = Pattern.compile("^- \\*\\*Rule:\\*\\* (.+)$");
  private static final Map<String, Rule> RULES = load();

  private RuleCatalogue() {}

  /** Every rule, in the order of the document. */
  public static Map<String, Rule> all() {
    return RULES;
  }

  public static Optional<Rule> find(String id) {
    return Optional.ofNullable(RULES.get(id));
  }

  /** The rule's title, or the id itself for an id the document does not have. */
  public static String title(String id) {
    return find(id).map(Rule::title).orElse(id);
  }

  /** {@code text} without the document's Markdown emphasis and code marks. */
  public static String plain(String text) {
    return text.replace("**", "").replace("`", "").replaceAll("(?<![\\w*])\\*([^*]+)\\*", "$1");
  }

  private static Map<String, Rule> load() {
    try (InputStream in = RuleCatalogue.class.getResourceAsStream("RULES.md")) {
      if (in == null) {
        throw new IllegalStateException("RULES.md is missing beside " + RuleCatalogue.class);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Rule> parse(String markdown) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    String id = null;
    String title = null;
    for (String line : markdown.split("\n")) {
      Matcher heading = HEADING.matcher(line.strip());
      if (heading.matches()) {
        id = heading.group(1);
        title = heading.group(2).strip();
        rules.put(id, new Rule(id, title, title));
        continue;
      }
      Matcher statement = STATEMENT.matcher(line.strip());
      if (id != null && statement.matches()) {
        rules.put(id, new Rule(id, title, statement.group(1).strip()));
        id = null;
      }
    }
    return Collections.unmodifiableMap(rules);
  }
}
