package app.lumbra.shared;

/**
 * One page of a listing: the first row and the most rows to return. Every listing checks its bounds
 * here, so each caller meets the same limit and the same message.
 *
 * @param offset rows to skip, 0 or more
 * @param limit most rows to return, 0 (only the total is wanted) to {@link #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {

  /**
   * Largest page any listing returns. Interfaces set their own smaller limits (FHIR {@code
   * lumbra.fhir.max-page-size}); internal readers that walk a whole record page at this size.
   */
  public static final int MAX_LIMIT = 500;

  public PageRequest {
    if (offset < 0) {
      throw new InvalidValueException("offset", offset, "0 or more");
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit", limit, "0 to " + MAX_LIMIT);
    }
  }

  /** A page of at least one row. */
  public static PageRequest of(int offset, int limit) {
    if (limit == 0) {
      throw new InvalidValueException("limit", limit, "1 to " + MAX_LIMIT);
    }
    return new PageRequest(offset, limit);
  }

  /** A page that may ask for no rows, when only the total is wanted. */
  public static PageRequest orCountOnly(int offset, int limit) {
    return new PageRequest(offset, limit);
  }

  /** Whether no rows are wanted. */
  public boolean countOnly() {
    return limit == 0;
  }
}
