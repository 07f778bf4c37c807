package app.lumbra.exchange.application;

import java.util.Optional;

/**
 * FHIR-1 "keep": what a partner sent, as the document to keep beside the version a write makes. It
 * depends on that version (the document is completed with what the domain made of it), so the
 * adapter gives a function from the written view to the document; empty when the domain's view says
 * everything the partner sent.
 *
 * @param <V> the view of the version written
 */
@FunctionalInterface
public interface PartnerDocument<V> {

  Optional<String> beside(V written);

  /** Nothing to keep (the write says only what the domain models). */
  static <V> PartnerDocument<V> none() {
    return written -> Optional.empty();
  }
}
