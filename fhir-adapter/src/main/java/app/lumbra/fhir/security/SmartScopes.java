package app.lumbra.fhir.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART on FHIR resource scopes of a token, in the v1 form ({@code patient/Observation.read},
 * {@code user/*.write}, {@code system/*.*}) and the v2 form ({@code patient/CarePlan.rs}, {@code
 * user/*.cruds}). A {@code *} resource type covers every type but {@link #NAMED_ONLY}. Scopes that
 * are not resource scopes ({@code openid}, {@code launch}, …) and v2 scopes narrowed by a query
 * ({@code ?category=…}) grant nothing here.
 */
public final class SmartScopes {

  /** Whose data a scope reaches: one patient's, the user's, or the whole system's. */
  public enum Context {
    PATIENT,
    USER,
    SYSTEM
  }

  /** The interactions of SMART v2 ({@code c r u d s}). */
  public enum Interaction {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    Interaction(char letter) {
      this.letter = letter;
    }
  }

  /** One resource scope: a context, a resource type or {@code *}, and its interactions. */
  public record Grant(Context context, String resourceType, Set<Interaction> interactions) {
    boolean covers(String type, Interaction interaction) {
      boolean typeCovered =
          resourceType.equals(type) || ("*".equals(resourceType) && !NAMED_ONLY.contains(type));
      return typeCovered && interactions.contains(interaction);
    }
  }

  /** Types a {@code *} scope does not reach: the audit trail must be named to be read. */
  public static final Set<String> NAMED_ONLY = Set.of("AuditEvent");

  private static final Pattern RESOURCE_SCOPE =
      Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)");

  private final List<Grant> grants;

  private SmartScopes(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /** Parses a space-separated {@code scope} claim; null or blank grants nothing. */
  public static SmartScopes parse(String scope) {
    List<Grant> grants = new ArrayList<>();
    if (scope != null) {
      for (String token : scope.trim().split("\\s+")) {
        grant(token).ifPresent(grants::add);
      }
    }
    return new SmartScopes(grants);
  }

  private static Optional<Grant> grant(String scope) {
    Matcher matcher = RESOURCE_SCOPE.matcher(scope);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Context context = Context.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
    Set<Interaction> interactions = interactions(matcher.group(3));
    return interactions.isEmpty()
        ? Optional.empty()
        : Optional.of(new Grant(context, matcher.group(2), interactions));
  }

  private static Set<Interaction> interactions(String permission) {
    switch (permission) {
      case "read":
        return EnumSet.of(Interaction.READ, Interaction.SEARCH);
      case "write":
        return EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
      case "*":
        return EnumSet.allOf(Interaction.class);
      default:
        return v2(permission);
    }
  }

  /** v2 letters must appear in the order {@code c r u d s}, each at most once. */
  private static Set<Interaction> v2(String letters) {
    EnumSet<Interaction> result = EnumSet.noneOf(Interaction.class);
    int next = 0;
    Interaction[] all = Interaction.values();
    for (char letter : letters.toCharArray()) {
      while (next < all.length && all[next].letter != letter) {
        next++;
      }
      if (next == all.length) {
        return EnumSet.noneOf(Interaction.class);
      }
      result.add(all[next++]);
    }
    return result;
  }

  /**
   * The broadest context in which these scopes allow {@code interaction} on {@code resourceType}
   * (system before user before patient), or empty when no scope allows it.
   */
  public Optional<Context> allows(String resourceType, Interaction interaction) {
    Context best = null;
    for (Grant grant : grants) {
      if (grant.covers(resourceType, interaction)
          && (best == null || grant.context().compareTo(best) > 0)) {
        best = grant.context();
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether any scope allows {@code interaction} on any resource type. */
  public boolean allowsAny(Interaction interaction) {
    return grants.stream().anyMatch(grant -> grant.interactions().contains(interaction));
  }

  public List<Grant> grants() {
    return Collections.unmodifiableList(grants);
  }
}
