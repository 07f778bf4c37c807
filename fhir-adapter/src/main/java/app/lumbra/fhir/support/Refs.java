package app.lumbra.fhir.support;

import app.lumbra.shared.InvalidValueException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/** References between Lumbra's resources: {@code Type/id}, always local to this server. */
public final class Refs {

  private Refs() {}

  public static Reference to(String type, String id) {
    return id == null ? null : new Reference(type + "/" + id);
  }

  /** The id a reference of {@code type} points at; null when the reference is absent. */
  public static String id(String field, String type, Reference reference) {
    if (reference == null || reference.isEmpty()) {
      return null;
    }
    if (!reference.hasReference()) {
      throw new InvalidValueException(field, reference.getDisplay(), "a reference " + type + "/id");
    }
    IdType id = new IdType(reference.getReference());
    if (!type.equals(id.getResourceType()) || !id.hasIdPart() || id.isAbsolute()) {
      throw new InvalidValueException(
          field, reference.getReference(), "a reference " + type + "/id to this server");
    }
    return id.getIdPart();
  }

  public static String required(String field, String type, Reference reference) {
    String id = id(field, type, reference);
    if (id == null) {
      throw new InvalidValueException(field, null, "a reference " + type + "/id");
    }
    return id;
  }

  /**
   * The id of the first reference to a {@code type} among {@code references}, or null when none is;
   * references to other types are a partner's and are kept as sent (FHIR-1).
   */
  public static String firstOf(String field, String type, List<Reference> references) {
    for (int i = 0; i < references.size(); i++) {
      Reference reference = references.get(i);
      String target = reference.getReferenceElement().getResourceType();
      if (type.equals(target)) {
        return id(field + "[" + i + "]", type, reference);
      }
    }
    return null;
  }
}
