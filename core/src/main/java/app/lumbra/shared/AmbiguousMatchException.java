package app.lumbra.shared;

/**
 * A conditional write's criteria match more than one record, so it cannot tell which one is meant.
 * Nothing is stored; FHIR answers 412 Precondition Failed (R4 conditional create and update).
 */
public class AmbiguousMatchException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AmbiguousMatchException(String message) {
    super(message);
  }
}
