package app.lumbra.fhir.support;

import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR-1: the only things a partner sends that Lumbra refuses for being unknown are those FHIR says
 * a receiver must not ignore (R4 "Extensibility" 2.4.1 and "Resource.implicitRules"): a {@code
 * modifierExtension} (Lumbra defines none, so every one is unknown), and {@code implicitRules}.
 * Everything else is kept. The refusal is 422 naming the element's path, contained resources
 * included.
 */
public final class MustUnderstand {

  private static final FhirContext FHIR = LumbraFhirContext.r4();

  private MustUnderstand() {}

  /** Refuses {@code resource} when it carries a modifier extension or implicit rules anywhere. */
  public static void check(Resource resource) {
    check(resource, Path.root(resource.fhirType()));
  }

  private static void check(Resource resource, Path path) {
    if (resource.hasImplicitRules()) {
      throw refusal(
          path + ".implicitRules",
          "Lumbra does not know the rules at " + resource.getImplicitRules());
    }
    walk(resource, path, FHIR.getResourceDefinition(resource));
  }

  /**
   * Every value is looked at once: an empty composite has nothing below it to refuse, so only a
   * modifier extension is asked whether it is empty (asking each element walks all below it), and
   * the path is spelled out only for a refusal.
   */
  private static void walk(IBase element, Path path, BaseRuntimeElementDefinition<?> type) {
    if (!(type instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
      return;
    }
    for (BaseRuntimeChildDefinition child : composite.getChildren()) {
      List<IBase> values = child.getAccessor().getValues(element);
      for (int index = 0; index < values.size(); index++) {
        IBase value = values.get(index);
        if (value == null || value instanceof IPrimitiveType<?>) {
          continue;
        }
        if ("modifierExtension".equals(child.getElementName())) {
          if (value.isEmpty()) {
            continue;
          }
          String url = ((Extension) value).getUrl();
          throw refusal(
              path + ".modifierExtension('" + url + "')",
              "Lumbra does not know this modifier extension, and FHIR forbids ignoring it");
        }
        Path childPath = new Path(path, child, value, index);
        if (value instanceof Resource contained) {
          check(contained, childPath);
        } else if (!(value instanceof IBaseResource)) {
          walk(value, childPath, FHIR.getElementDefinition(value.getClass()));
        }
      }
    }
  }

  /** Where a value is, spelled out ({@code Observation.component[0]}) only when it is refused. */
  private record Path(
      Path parent,
      String root,
      BaseRuntimeChildDefinition child,
      Class<? extends IBase> type,
      int index) {

    static Path root(String resourceType) {
      return new Path(null, resourceType, null, null, 0);
    }

    Path(Path parent, BaseRuntimeChildDefinition child, IBase value, int index) {
      this(parent, null, child, value.getClass(), index);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return root;
      }
      String name = child.getChildNameByDatatype(type);
      if (name == null) {
        name = child.getElementName();
      }
      return parent + "." + name + (child.getMax() != 1 ? "[" + index + "]" : "");
    }
  }

  private static RuleViolationException refusal(String path, String reason) {
    return new RuleViolationException("FHIR-1", path, reason);
  }
}
