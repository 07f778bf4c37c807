package app.lumbra.fhir.support;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;

/**
 * The populated elements of one type anywhere in a resource: in its extensions (a primitive's too),
 * its contained resources and the resources its Bundle entries carry. Every write walks each sent
 * resource for its times and its references, so this looks at each element once. HAPI's {@code
 * FhirTerser} asks each element whether it is empty before descending into it, which walks
 * everything below it again, and builds a path list per element: in a profile of transaction
 * Bundles those two walks cost more than parsing the request.
 */
public final class Populated {

  private Populated() {}

  /** The non-empty elements of {@code type} in {@code root}, in document order. */
  public static <T extends IBase> List<T> ofType(FhirContext fhir, IBase root, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(fhir, root, type, found);
    return found;
  }

  private static <T extends IBase> void collect(
      FhirContext fhir, IBase element, Class<T> type, List<T> found) {
    if (type.isInstance(element) && !element.isEmpty()) {
      found.add(type.cast(element));
    }
    if (element instanceof IPrimitiveType<?>) {
      // A primitive's only children are its extensions.
      if (element instanceof Element withExtensions) {
        for (Extension extension : withExtensions.getExtension()) {
          collect(fhir, extension, type, found);
        }
      }
      return;
    }
    BaseRuntimeElementDefinition<?> definition =
        element instanceof IBaseResource resource
            ? fhir.getResourceDefinition(resource)
            : fhir.getElementDefinition(element.getClass());
    if (!(definition instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
      return;
    }
    for (BaseRuntimeChildDefinition child : composite.getChildren()) {
      for (IBase value : child.getAccessor().getValues(element)) {
        if (value != null) {
          collect(fhir, value, type, found);
        }
      }
    }
  }
}
