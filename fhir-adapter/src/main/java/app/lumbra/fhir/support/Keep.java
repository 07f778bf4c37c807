package app.lumbra.fhir.support;

import app.lumbra.fhir.terminology.Terminology;
import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Meta;

/**
 * FHIR-1 "keep": how a partner's document and the domain's projection of the same record become one
 * resource. The domain stays the authority for the top-level elements it owns (each mapper's {@code
 * OWNED} set, the one place per resource type that says which those are, and Lumbra's own
 * extensions); everything else a partner sent is kept as sent.
 *
 * <ul>
 *   <li>{@link #union} is what a write over FHIR stores and answers: the sent resource, with what
 *       the projection adds where the sent one is silent (server ids and meta, Lumbra's extensions,
 *       standard codings beside the partner's, derived elements). What was sent wins, so a read
 *       gives back every element unchanged.
 *   <li>{@link #overlay} is what a read answers when the record may have changed since the document
 *       was kept (a portal edit): the projection for owned elements, unless the kept element still
 *       says all the projection says (then the richer kept one), and the kept document for the
 *       rest.
 * </ul>
 */
public final class Keep {

  private static final FhirContext FHIR = LumbraFhirContext.r4();

  /** Elements of a resource the server itself manages. */
  private static final Set<String> SERVER = Set.of("id", "meta");

  private Keep() {}

  /**
   * Whether {@code sent} says anything {@code projection} does not, so that a document must be
   * kept: a value the projection lacks, a narrative, contained resources, or meta beyond the
   * version (profiles, tags, security labels, source).
   */
  public static boolean needed(DomainResource sent, DomainResource projection) {
    Meta meta = sent.getMeta();
    return sent.hasText()
        || sent.hasContained()
        || meta.hasTag()
        || meta.hasSecurity()
        || meta.hasSource()
        || meta.hasExtension()
        || meta.getProfile().stream().anyMatch(p -> !projection.getMeta().hasProfile(p.getValue()))
        || !NothingDropped.dropped(sent, projection).isEmpty();
  }

  /** The sent resource completed by the projection; see the class comment. */
  @SuppressWarnings("unchecked")
  public static <T extends DomainResource> T union(T sent, T projection, Set<String> derived) {
    T result = (T) sent.copy();
    result.setIdElement(projection.getIdElement().copy());
    result.setMeta(meta(sent.getMeta(), projection.getMeta()));
    for (String element : derived) {
      BaseRuntimeChildDefinition child = child(result, element);
      child.getMutator().setValue(result, null);
      for (IBase value : child.getAccessor().getValues(projection)) {
        child.getMutator().addValue(result, copy(value));
      }
    }
    // Lumbra's own extensions are the domain's to say, whatever was sent.
    result.getExtension().removeIf(Keep::isLumbra);
    unionInto(result, projection, true);
    return result;
  }

  /** The kept document brought up to the projection's state; see the class comment. */
  @SuppressWarnings("unchecked")
  public static <T extends DomainResource> T overlay(T kept, T projection, Set<String> owned) {
    T result = (T) projection.copy();
    result.setMeta(meta(kept.getMeta(), projection.getMeta()));
    BaseRuntimeElementCompositeDefinition<?> type = FHIR.getResourceDefinition(projection);
    for (BaseRuntimeChildDefinition child : type.getChildren()) {
      String name = child.getElementName();
      if (SERVER.contains(name)) {
        continue;
      }
      List<? extends IBase> keptValues = child.getAccessor().getValues(kept);
      if ("extension".equals(name)) {
        // Lumbra's own extensions are the domain's; a partner's are kept.
        List<Extension> merged = new ArrayList<>(result.getExtension());
        for (Extension extension : kept.getExtension()) {
          if (!isLumbra(extension)) {
            merged.add(extension.copy());
          }
        }
        result.setExtension(merged);
      } else if (!owned.contains(name)) {
        if (!keptValues.isEmpty()) {
          replace(child, result, keptValues);
        }
      } else {
        // Owned: each projected value, or the kept value that still says all it says.
        List<IBase> chosen = new ArrayList<>();
        List<IBase> unused = new ArrayList<>(keptValues);
        boolean changed = false;
        for (IBase value : child.getAccessor().getValues(projection)) {
          IBase richer = null;
          for (IBase candidate : unused) {
            if (candidate.getClass() == value.getClass()
                && NothingDropped.covers(candidate, value)) {
              richer = candidate;
              break;
            }
          }
          unused.remove(richer);
          chosen.add(richer != null ? richer : value);
          changed |= richer == null;
        }
        // Unchanged since it was kept: the kept values stand, as sent (a second name, say).
        replace(child, result, changed ? chosen : keptValues);
      }
    }
    return result;
  }

  private static void replace(BaseRuntimeChildDefinition child, Base target, List<?> values) {
    child.getMutator().setValue(target, null);
    for (Object value : values) {
      child.getMutator().addValue(target, copy((IBase) value));
    }
  }

  /** The projection's version and time, with everything else the partner put in meta. */
  private static Meta meta(Meta sent, Meta projection) {
    Meta meta = sent.copy();
    meta.setVersionIdElement(projection.getVersionIdElement().copy());
    meta.setLastUpdatedElement(projection.getLastUpdatedElement().copy());
    for (CanonicalType profile : projection.getProfile()) {
      if (!meta.hasProfile(profile.getValue())) {
        meta.addProfile(profile.getValue());
      }
    }
    return meta;
  }

  /** Adds to {@code target} what {@code projection} has and {@code target} lacks. */
  private static void unionInto(Base target, Base projection, boolean resource) {
    BaseRuntimeElementDefinition<?> definition = FHIR.getElementDefinition(projection.getClass());
    if (resource) {
      definition = FHIR.getResourceDefinition((DomainResource) projection);
    }
    if (!(definition instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
      return;
    }
    for (BaseRuntimeChildDefinition child : composite.getChildren()) {
      String name = child.getElementName();
      if (resource && SERVER.contains(name)) {
        continue;
      }
      List<? extends IBase> projected = child.getAccessor().getValues(projection);
      if (projected.stream().allMatch(IBase::isEmpty)) {
        continue;
      }
      List<? extends IBase> present = child.getAccessor().getValues(target);
      if (present.stream().allMatch(IBase::isEmpty)) {
        replace(child, target, projected);
      } else if (child.getMax() == 1) {
        IBase mine = present.get(0);
        IBase theirs = projected.get(0);
        if (!(mine instanceof IPrimitiveType<?>) && mine.getClass() == theirs.getClass()) {
          unionInto((Base) mine, (Base) theirs, false);
        }
      } else {
        unionList(child, target, present, projected);
      }
    }
  }

  private static void unionList(
      BaseRuntimeChildDefinition child,
      Base target,
      List<? extends IBase> present,
      List<? extends IBase> projected) {
    List<IBase> added = new ArrayList<>();
    for (IBase value : projected) {
      if (value instanceof Extension extension) {
        if (present.stream().noneMatch(p -> sameUrl(p, extension))) {
          added.add(value);
        }
      } else if (value instanceof Coding coding) {
        if (present.stream().noneMatch(p -> sameCode(p, coding))) {
          added.add(value);
        }
      } else if (value instanceof CodeableConcept concept) {
        IBase match =
            present.stream()
                .filter(p -> p instanceof CodeableConcept sent && shareACode(sent, concept))
                .findFirst()
                .orElse(null);
        if (match == null) {
          added.add(value);
        } else {
          unionInto((Base) match, concept, false);
        }
      }
      // Other repeating elements: what was sent stands as sent.
    }
    for (IBase value : added) {
      child.getMutator().addValue(target, copy(value));
    }
  }

  private static boolean sameUrl(IBase present, Extension extension) {
    return present instanceof Extension other && extension.getUrl().equals(other.getUrl());
  }

  private static boolean sameCode(IBase present, Coding coding) {
    return present instanceof Coding other
        && Objects.equals(other.getSystem(), coding.getSystem())
        && Objects.equals(other.getCode(), coding.getCode());
  }

  private static boolean shareACode(CodeableConcept sent, CodeableConcept projected) {
    for (Coding coding : projected.getCoding()) {
      for (Coding other : sent.getCoding()) {
        if (sameCode(other, coding)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLumbra(Extension extension) {
    return extension.getUrl() != null && extension.getUrl().startsWith(Terminology.EXTENSION_BASE);
  }

  private static BaseRuntimeChildDefinition child(DomainResource resource, String name) {
    BaseRuntimeChildDefinition child = FHIR.getResourceDefinition(resource).getChildByName(name);
    if (child == null) {
      child = FHIR.getResourceDefinition(resource).getChildByName(name + "[x]");
    }
    if (child == null) {
      throw new IllegalArgumentException(resource.fhirType() + " has no element " + name);
    }
    return child;
  }

  private static IBase copy(IBase value) {
    return value instanceof Base base ? base.copy() : value;
  }
}
