package app.lumbra.shared;

/**
 * A failure the care domain explains in its own words. Boundaries (FHIR, portal) translate each
 * subtype to the right status in one place; the message is written for the person who sent the
 * request and never carries a stack trace.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
