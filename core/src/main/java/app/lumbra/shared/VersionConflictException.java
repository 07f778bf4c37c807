package app.lumbra.shared;

/**
 * A write based on a version that is no longer the current one: somebody else changed the thing
 * first. The second writer gets this, never a silent overwrite.
 */
public class VersionConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String id;
  private final long expectedVersion;
  private final long currentVersion;

  public VersionConflictException(
      String type, Object id, long expectedVersion, long currentVersion) {
    super(
        type
            + " "
            + id
            + " was changed by someone else: you edited version "
            + expectedVersion
            + ", the current version is "
            + currentVersion);
    this.type = type;
    this.id = String.valueOf(id);
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
