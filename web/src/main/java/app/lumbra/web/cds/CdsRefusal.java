package app.lumbra.web.cds;

/** A CDS Hooks request refused, with its HTTP status and a reason the caller can act on. */
final class CdsRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  CdsRefusal(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
