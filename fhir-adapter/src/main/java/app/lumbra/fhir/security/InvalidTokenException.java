package app.lumbra.fhir.security;

/** A bearer token was missing or could not be accepted; the message says why, without secrets. */
public class InvalidTokenException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String message) {
    super(message);
  }
}
