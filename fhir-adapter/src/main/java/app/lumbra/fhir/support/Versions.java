package app.lumbra.fhir.support;

import app.lumbra.shared.InvalidValueException;
import org.hl7.fhir.instance.model.api.IIdType;

/** The version a client based a write on: If-Match (HAPI puts it in the id) or none. */
public final class Versions {

  private Versions() {}

  /** The version named by If-Match, or null when the client sent none. */
  public static Long expected(IIdType id) {
    if (id == null || !id.hasVersionIdPart()) {
      return null;
    }
    try {
      return Long.parseLong(id.getVersionIdPart());
    } catch (NumberFormatException notANumber) {
      throw new InvalidValueException(
          "If-Match", id.getVersionIdPart(), "W/\"n\", a version number");
    }
  }

  public static long version(IIdType id) {
    Long version = expected(id);
    if (version == null) {
      throw new InvalidValueException("version", null, "a version number");
    }
    return version;
  }
}
