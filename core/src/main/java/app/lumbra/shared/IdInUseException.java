package app.lumbra.shared;

/**
 * FHIR-8: a create asked for an id that another record of the same type already has. Nothing is
 * stored; boundaries answer 409 Conflict (FHIR) or show the message (portal). An update of the
 * existing record is the way to change it.
 */
public class IdInUseException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String id;

  public IdInUseException(String type, String id) {
    super(type + " " + id + " already exists: choose another id, or update " + type + " " + id);
    this.type = type;
    this.id = id;
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }
}
