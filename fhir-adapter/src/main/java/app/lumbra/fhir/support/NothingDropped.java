package app.lumbra.fhir.support;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR-1, exhaustively: whether a resource returned for a sent one holds every populated value of
 * the sent one, at any depth and in any extension, at the same element path. {@link Keep} uses it
 * to decide when a partner's document must be kept beside the domain's projection, and the tests
 * use it to prove that a read gives back everything that was sent.
 *
 * <p>Not compared, because the server manages them: the resource's {@code id}, {@code meta} and
 * generated narrative {@code text}, {@code contained} resources (the mappers read them, e.g. goals
 * contained in a CarePlan, and return them as resources of their own), and {@code Coding.display}
 * (the code system's display for the code is returned). Values are compared by meaning: instants as
 * instants whatever their offset, decimals by value, references by type and id whatever the server
 * base.
 */
public final class NothingDropped {

  private static final FhirContext FHIR = LumbraFhirContext.r4();

  /** Elements of the resource itself the server manages. */
  private static final Set<String> SERVER_MANAGED = Set.of("id", "meta", "text", "contained");

  /** The value a reference to a contained resource is compared by. */
  private static final String CONTAINED = "#contained";

  private NothingDropped() {}

  /**
   * The elements of {@code sent} whose values {@code returned} does not have, as FHIRPath-like
   * paths with indices ({@code Observation.component[0].interpretation}), the outermost lost
   * element of each, in document order.
   */
  public static List<String> dropped(Resource sent, Resource returned, String... derived) {
    List<Leaf> sentLeaves = new ArrayList<>();
    walkResource(sent, sentLeaves);
    List<Leaf> returnedLeaves = new ArrayList<>();
    walkResource(returned, returnedLeaves);
    Map<String, Integer> available = new HashMap<>();
    Set<String> returnedPaths = new HashSet<>();
    for (Leaf leaf : returnedLeaves) {
      available.merge(leaf.key(), 1, Integer::sum);
      // The element paths that hold a value; a path's ancestors are in the set once it is.
      for (Path p = leaf.path(); p != null && returnedPaths.add(p.keyPath()); p = p.parent()) {
        // added
      }
    }
    Set<String> lost = new LinkedHashSet<>();
    for (Leaf leaf : sentLeaves) {
      if (leaf.value().equals(CONTAINED) || leaf.path().isUnder(derived)) {
        continue;
      }
      Integer left = available.get(leaf.key());
      if (left != null && left > 0) {
        available.put(leaf.key(), left - 1);
      } else {
        lost.add(leaf.path().outermostLost(returnedPaths));
      }
    }
    return List.copyOf(lost);
  }

  /**
   * Whether {@code has} holds every value {@code wanted} holds, at the same relative paths (both
   * elements of the same type): the kept element then says all the projected one says, and more.
   */
  public static boolean covers(IBase has, IBase wanted) {
    List<Leaf> hasLeaves = new ArrayList<>();
    walk(has, Path.root("_"), hasLeaves);
    List<Leaf> wantedLeaves = new ArrayList<>();
    walk(wanted, Path.root("_"), wantedLeaves);
    Map<String, Integer> available = new HashMap<>();
    for (Leaf leaf : hasLeaves) {
      available.merge(leaf.key(), 1, Integer::sum);
    }
    for (Leaf leaf : wantedLeaves) {
      Integer left = available.get(leaf.key());
      if (left == null || left == 0) {
        return false;
      }
      available.put(leaf.key(), left - 1);
    }
    return true;
  }

  /**
   * Where an element is: {@code segment} names it with its index ({@code component[0]}), {@code
   * key} without ({@code component}), and {@code keyPath} is the whole path without indices. Each
   * element costs one small object, whatever its depth.
   */
  private record Path(Path parent, String segment, String key, String keyPath) {

    static Path root(String type) {
      return new Path(null, type, type, type);
    }

    Path child(String segment, String key) {
      return new Path(this, segment, key, keyPath + "." + key);
    }

    boolean isUnder(String... paths) {
      for (String prefix : paths) {
        if (keyPath.equals(prefix) || keyPath.startsWith(prefix + ".")) {
          return true;
        }
      }
      return false;
    }

    /** The path of the outermost element the returned resource lacks altogether. */
    String outermostLost(Set<String> returnedPaths) {
      List<Path> chain = new ArrayList<>();
      for (Path p = this; p != null; p = p.parent) {
        chain.add(0, p);
      }
      StringBuilder path = new StringBuilder();
      for (Path element : chain) {
        if (!returnedPaths.contains(element.keyPath)) {
          return path.append(element.key).toString();
        }
        path.append(element.segment).append('.');
      }
      return path.substring(0, path.length() - 1);
    }
  }

  /** One populated value at {@code path}, normalised. */
  private record Leaf(Path path, String value, String key) {

    /** The key is built once: each leaf is looked up twice, and its hash is computed once. */
    Leaf(Path path, String value) {
      this(path, value, path.keyPath() + "=" + value);
    }
  }

  private static void walkResource(Resource resource, List<Leaf> leaves) {
    BaseRuntimeElementCompositeDefinition<?> definition = FHIR.getResourceDefinition(resource);
    Path root = Path.root(resource.fhirType());
    for (BaseRuntimeChildDefinition child : definition.getChildren()) {
      if (SERVER_MANAGED.contains(child.getElementName())) {
        continue;
      }
      walkChild(resource, child, root, leaves);
    }
  }

  private static void walkChild(
      IBase parent, BaseRuntimeChildDefinition child, Path path, List<Leaf> leaves) {
    List<IBase> values = child.getAccessor().getValues(parent);
    for (int index = 0; index < values.size(); index++) {
      IBase value = values.get(index);
      // An empty composite yields no values below, so only primitives need the check here.
      if (value == null
          || value instanceof IBaseResource
          || (value instanceof IPrimitiveType<?> && value.isEmpty())) {
        continue;
      }
      String name;
      String key;
      if (value instanceof Extension extension) {
        name = child.getElementName() + "('" + extension.getUrl() + "')";
        key = name;
      } else {
        name = child.getChildNameByDatatype(value.getClass());
        if (name == null) {
          name = child.getElementName();
        }
        key = name;
        if (child.getMax() != 1) {
          name = name + "[" + index + "]";
        }
      }
      walk(value, path.child(name, key), leaves);
    }
  }

  private static void walk(IBase element, Path path, List<Leaf> leaves) {
    if (element instanceof IPrimitiveType<?> primitive) {
      if (primitive.getValueAsString() != null) {
        leaves.add(new Leaf(path, normalised(primitive, path.key())));
      }
      if (element instanceof Element withExtensions) {
        for (Extension extension : withExtensions.getExtension()) {
          String name = "extension('" + extension.getUrl() + "')";
          walk(extension, path.child(name, name), leaves);
        }
      }
      return;
    }
    BaseRuntimeElementDefinition<?> definition = FHIR.getElementDefinition(element.getClass());
    if (!(definition instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
      return;
    }
    for (BaseRuntimeChildDefinition child : composite.getChildren()) {
      if (element instanceof Extension && "url".equals(child.getElementName())) {
        continue;
      }
      if (element instanceof Coding && "display".equals(child.getElementName())) {
        continue;
      }
      walkChild(element, child, path, leaves);
    }
  }

  private static String normalised(IPrimitiveType<?> primitive, String key) {
    if (primitive instanceof BaseDateTimeType dateTime && dateTime.getValue() != null) {
      return Long.toString(dateTime.getValue().getTime());
    }
    if (primitive instanceof DecimalType decimal && decimal.getValue() != null) {
      BigDecimal value = decimal.getValue();
      return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
    String text = primitive.getValueAsString();
    if (key.equals("reference") && text.startsWith("#")) {
      // A reference to a contained resource: the mappers read it and return the resource as one of
      // its own, referenced by its new id.
      return CONTAINED;
    }
    if (key.equals("reference")) {
      IdType id = new IdType(text);
      if (id.hasResourceType() && id.hasIdPart()) {
        return id.getResourceType() + "/" + id.getIdPart();
      }
    }
    return text;
  }
}
