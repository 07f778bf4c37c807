package app.lumbra.fhir.support;

import app.lumbra.archive.application.KeptDocumentService;
import app.lumbra.exchange.application.PartnerDocument;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
   * The document to keep beside a version the domain wrote: {@code sent} completed by {@code
   * projection} (the domain's view of the version), empty when the projection says everything.
   */
  public static <T extends DomainResource> Optional<String> beside(
      T sent, T projection, Set<String> derived) {
    return Keep.needed(sent, projection)
        ? Optional.of(
            parser().encodeResourceToString(complete(Keep.union(sent, projection, derived))))
        : Optional.empty();
  }

  /**
   * What a write over FHIR answers and keeps, for the exchange use case to call with the version it
   * wrote: {@code toFhir} of that version (the domain's projection) completed with everything
   * {@code sent} had; {@code derived} names top-level elements the domain derives whatever was
   * sent.
   */
  public static <V, T extends DomainResource> Answer<V, T> answering(
      T sent, Function<V, T> toFhir, Set<String> derived) {
    return new Answer<>(sent, toFhir, derived);
  }

  /**
   * The partner's document for the version a write makes, and the resource the write answers once
   * the use case has called it.
   */
  public static final class Answer<V, T extends DomainResource> implements PartnerDocument<V> {
    private final T sent;
    private final Function<V, T> toFhir;
    private final Set<String> derived;
    private T resource;

    private Answer(T sent, Function<V, T> toFhir, Set<String> derived) {
      this.sent = sent;
      this.toFhir = toFhir;
      this.derived = derived;
    }

    @Override
    public Optional<String> beside(V written) {
      T projection = toFhir.apply(written);
      if (!Keep.needed(sent, projection)) {
        resource = complete(projection);
        return Optional.empty();
      }
      resource = complete(Keep.union(sent, projection, derived));
      return Optional.of(parser().encodeResourceToString(resource));
    }

    /**
     * The resource the write answers: {@code written} with what the partner sent kept; a record the
     * write did not make (a conditional create's match) as the domain has it, for reads to
     * complete.
     */
    public T resource(V written) {
      return resource != null ? resource : toFhir.apply(written);
    }
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
