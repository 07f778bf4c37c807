package app.lumbra.fhir.support;

import app.lumbra.archive.application.KeptDocumentService;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * FHIR-1 "keep", end to end: a write keeps the partner's document beside the domain's projection
 * when it says more than the projection ({@link Keep#needed}), and every read (read, vread,
 * history, search, includes) lays the projection over the document in force at that version. A
 * document is kept only when needed, so a partner that sends what Lumbra models costs one lookup on
 * read and nothing on write.
 */
@ApplicationScoped
public class KeptResources {

  private static final String COMPLETE = "lumbra.kept.complete";

  private KeptDocumentService documents;

  /** For the CDI proxy only. */
  protected KeptResources() {}

  @Inject
  public KeptResources(KeptDocumentService documents) {
    this.documents = documents;
  }

  /**
   * What a write over FHIR stores and answers: {@code projection} (the domain's view of the version
   * just written) completed with everything {@code sent} had. Call inside the write's transaction.
   * {@code derived} names top-level elements the domain derives whatever was sent.
   */
  public <T extends DomainResource> T written(T sent, T projection, Set<String> derived) {
    return written(sent, projection, derived, () -> {});
  }

  /**
   * {@link #written(DomainResource, DomainResource, Set)}, running {@code whenKept} (in the same
   * transaction) when a document is kept, so that the record can note it has one.
   */
  public <T extends DomainResource> T written(
      T sent, T projection, Set<String> derived, Runnable whenKept) {
    if (!Keep.needed(sent, projection)) {
      return complete(projection);
    }
    whenKept.run();
    T kept = complete(Keep.union(sent, projection, derived));
    documents.keep(
        kept.fhirType(),
        kept.getIdElement().getIdPart(),
        Long.parseLong(kept.getMeta().getVersionId()),
        parser().encodeResourceToString(kept));
    return kept;
  }

  /** Whether {@code resource} is already as a read answers it (the answer to a write). */
  public static boolean isComplete(DomainResource resource) {
    return resource.getUserData(COMPLETE) != null;
  }

  /** Marks {@code resource} as already what a read answers (a kept context record, say). */
  public static <T extends DomainResource> T completed(T resource) {
    return complete(resource);
  }

  private static <T extends DomainResource> T complete(T resource) {
    resource.setUserData(COMPLETE, Boolean.TRUE);
    return resource;
  }

  /** The resource as a read answers it: {@code projection} over the document in force. */
  public <T extends DomainResource> T read(T projection, Set<String> owned) {
    return documents
        .inForce(projection.fhirType(), projection.getIdElement().getIdPart(), version(projection))
        .map(document -> asRead(parse(document, projection), projection, owned))
        .orElse(projection);
  }

  /** {@link #read} for a page of resources of one type, with one lookup. */
  public <T extends DomainResource> List<T> read(List<T> projections, Set<String> owned) {
    if (projections.isEmpty()) {
      return projections;
    }
    Map<String, Long> versions = new LinkedHashMap<>();
    for (T projection : projections) {
      versions.put(projection.getIdElement().getIdPart(), version(projection));
    }
    Map<String, String> inForce = documents.inForce(projections.get(0).fhirType(), versions);
    if (inForce.isEmpty()) {
      return projections;
    }
    List<T> read = new ArrayList<>(projections.size());
    for (T projection : projections) {
      String document = inForce.get(projection.getIdElement().getIdPart());
      read.add(
          document == null ? projection : asRead(parse(document, projection), projection, owned));
    }
    return read;
  }

  /**
   * The kept document of the version read stands as it was answered to its write (what was sent,
   * completed by the projection); a later version the domain made on its own lays its owned
   * elements over it.
   */
  private static <T extends DomainResource> T asRead(T kept, T projection, Set<String> owned) {
    return kept.getMeta().getVersionId().equals(projection.getMeta().getVersionId())
        ? Keep.union(kept, projection, Set.of())
        : Keep.overlay(kept, projection, owned);
  }

  private static long version(DomainResource resource) {
    return Long.parseLong(resource.getMeta().getVersionId());
  }

  @SuppressWarnings("unchecked")
  private static <T extends DomainResource> T parse(String document, T like) {
    return (T) parser().parseResource(like.getClass(), document);
  }

  private static IParser parser() {
    return LumbraFhirContext.r4().newJsonParser();
  }
}
