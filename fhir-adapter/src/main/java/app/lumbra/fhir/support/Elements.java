package app.lumbra.fhir.support;

import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Meta;

/**
 * FHIR-1: what a client sends that the domain does not model is rejected with 422 naming the
 * element, never dropped silently. Mappers call {@link #onlyThese} for every element they read.
 */
public final class Elements {

  private static final FhirContext FHIR = LumbraFhirContext.r4();

  /**
   * Elements of the server-managed {@code meta} a client may send back unchanged; {@code profile}
   * too, since Lumbra claims its US Core profiles on every resource it emits (FHIR-5).
   */
  private static final Set<String> META = Set.of("versionId", "lastUpdated", "profile");

  private Elements() {}

  /**
   * Rejects any populated child of {@code element} that is not in {@code allowed} (FHIR element
   * names, {@code value[x]} style for choices), and any project extension not in {@code
   * extensions}. {@code path} names the element in the message, e.g. {@code Patient.name[0]}.
   */
  public static void onlyThese(
      IBase element, String path, Set<String> allowed, Set<String> extensions) {
    if (element == null) {
      return;
    }
    BaseRuntimeElementCompositeDefinition<?> definition =
        (BaseRuntimeElementCompositeDefinition<?>) FHIR.getElementDefinition(element.getClass());
    for (BaseRuntimeChildDefinition child : definition.getChildren()) {
      String name = child.getElementName();
      if (child.getAccessor().getValues(element).stream().allMatch(IBase::isEmpty)) {
        continue;
      }
      if ("extension".equals(name) && element instanceof Element withExtensions) {
        withExtensions.getExtension().forEach(ext -> knownExtension(ext, path, extensions));
        continue;
      }
      if ("extension".equals(name) && element instanceof DomainResource resource) {
        resource.getExtension().forEach(ext -> knownExtension(ext, path, extensions));
        continue;
      }
      if ("meta".equals(name) && element instanceof DomainResource resource) {
        onlyThese(resource.getMeta(), path + ".meta", META, Set.of());
        continue;
      }
      if (!allowed.contains(name) && !allowed.contains(name + "[x]")) {
        throw unsupported(path + "." + name);
      }
    }
  }

  /** Meta as the server manages it; nothing else may be sent. */
  public static void checkMeta(Meta meta, String path) {
    onlyThese(meta, path + ".meta", META, Set.of());
  }

  private static void knownExtension(Extension extension, String path, Set<String> names) {
    String url = extension.getUrl();
    boolean known =
        url != null
            && url.startsWith(Terminology.EXTENSION_BASE)
            && names.contains(url.substring(Terminology.EXTENSION_BASE.length()));
    if (!known) {
      throw unsupported(path + ".extension('" + url + "')");
    }
  }

  /** 422 naming the element Lumbra does not model. */
  public static RuleViolationException unsupported(String path) {
    return new RuleViolationException(
        "FHIR-1",
        path,
        "Lumbra does not store this element, so it would be lost; remove it or send it elsewhere");
  }
}
