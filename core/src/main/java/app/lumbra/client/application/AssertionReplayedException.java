package app.lumbra.client.application;

/** A client assertion whose id the same client has already exchanged for a token. */
public class AssertionReplayedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AssertionReplayedException(String clientId) {
    super("the client assertion of " + clientId + " was already used");
  }
}
