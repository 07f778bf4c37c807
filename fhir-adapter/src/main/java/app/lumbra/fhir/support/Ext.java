package app.lumbra.fhir.support;

import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.shared.InvalidValueException;
import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;

/** Typed access to the project extensions; a value of the wrong type is a 400 naming it. */
public final class Ext {

  private Ext() {}

  public static void add(Base element, String name, Type value) {
    if (value != null) {
      extensions(element).add(new Extension(Terminology.extension(name), value));
    }
  }

  public static List<Extension> all(Base element, String name) {
    String url = Terminology.extension(name);
    return extensions(element).stream().filter(ext -> url.equals(ext.getUrl())).toList();
  }

  // Elements and resources both carry extensions but share no R4 type that offers them.
  private static List<Extension> extensions(Base element) {
    if (element instanceof Element withExtensions) {
      return withExtensions.getExtension();
    }
    if (element instanceof DomainResource resource) {
      return resource.getExtension();
    }
    throw new IllegalArgumentException(element.fhirType() + " has no extensions");
  }

  /** The value of the single extension {@code name}, or null when absent. */
  public static <T extends Base> T value(Base element, String name, Class<T> type) {
    List<Extension> found = all(element, name);
    if (found.isEmpty()) {
      return null;
    }
    if (found.size() > 1) {
      throw new InvalidValueException(
          "extension('" + name + "')", found.size() + " extensions", "at most one");
    }
    return value(found.get(0), name, type);
  }

  public static <T extends Base> T value(Extension extension, String name, Class<T> type) {
    if (!type.isInstance(extension.getValue())) {
      throw new InvalidValueException(
          "extension('" + name + "')",
          extension.getValue() == null ? null : extension.getValue().fhirType(),
          "a value of type " + type.getSimpleName().replace("Type", ""));
    }
    return type.cast(extension.getValue());
  }
}
