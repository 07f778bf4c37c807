package app.lumbra.context.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a search of context records asks for; every part is optional but the type. {@code tokens}
 * maps a parameter ({@code category}, {@code code}, {@code clinical-status}) to the codes any of
 * which matches (a {@link TokenMatch} with a null system matches any system); {@code statuses} is
 * any-of; date ranges are {@code [from, before)}.
 */
public record ContextCriteria(
    String recordType,
    String patientId,
    Map<String, List<TokenMatch>> tokens,
    Set<String> statuses,
    OffsetDateTime dateFrom,
    OffsetDateTime dateBefore,
    OffsetDateTime updatedFrom,
    OffsetDateTime updatedBefore,
    boolean newestFirst) {

  public ContextCriteria {
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  /** One code to match: {@code system} null matches the code in any system. */
  public record TokenMatch(String system, String code) {}
}
