package app.lumbra.exchange.application;

import app.lumbra.context.application.ContextView;
import java.util.List;

/**
 * What an exchange write made: a version of Lumbra's own record ({@code record}) or of a clinical
 * context record ({@code context}), exactly one of them; {@code created} when the write made the
 * record (FHIR's 201), false for a new version or for an existing match (If-None-Exist); {@code
 * assumed} what the write took for what the partner did not say (for the answer to list).
 *
 * @param <V> the view of Lumbra's record
 */
public record Written<V>(V record, ContextView context, boolean created, List<String> assumed) {

  public static <V> Written<V> record(V record, boolean created) {
    return new Written<>(record, null, created, List.of());
  }

  public static <V> Written<V> record(V record, boolean created, List<String> assumed) {
    return new Written<>(record, null, created, List.copyOf(assumed));
  }

  public static <V> Written<V> context(ContextView context) {
    return new Written<>(null, context, context.version() == 1, List.of());
  }

  public boolean isContext() {
    return context != null;
  }
}
