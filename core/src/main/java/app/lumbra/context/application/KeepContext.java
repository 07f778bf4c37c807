package app.lumbra.context.application;

import app.lumbra.context.domain.SearchToken;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Keep a version of a context record. The document depends on the version it becomes and when (its
 * meta says so), so the caller gives a function from those to the document.
 */
public record KeepContext(
    @NotBlank String recordType,
    @NotBlank String recordId,
    @NotBlank String patientId,
    String status,
    OffsetDateTime clinicalDate,
    @NotNull List<SearchToken> tokens,
    @NotNull DocumentAt documentAt) {

  /** The document of the record as version {@code version}, kept at {@code at}. */
  @FunctionalInterface
  public interface DocumentAt {
    String document(long version, OffsetDateTime at);
  }
}
