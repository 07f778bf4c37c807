package app.lumbra.shared;

/** The thing asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String id;

  public NotFoundException(String type, Object id) {
    super(type + " " + id + " does not exist");
    this.type = type;
    this.id = String.valueOf(id);
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }
}
