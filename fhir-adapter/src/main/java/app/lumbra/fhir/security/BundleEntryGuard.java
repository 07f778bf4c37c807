package app.lumbra.fhir.security;

import app.lumbra.fhir.security.SmartScopes.Interaction;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Checks each entry of a transaction or batch Bundle against the request's token, scope by scope,
 * exactly as the entry would be checked as a request of its own. A refusal is a 403 {@link
 * ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException} with an OperationOutcome.
 */
public interface BundleEntryGuard {

  /**
   * Before the entry runs: may the token run {@code interaction} on {@code type}, on the resource
   * {@code id} names (if any), writing {@code incoming} (if any)?
   */
  void beforeEntry(String type, Interaction interaction, IIdType id, IBaseResource incoming);

  /**
   * After the entry ran: the resource to answer it with. A resource the token may not read is left
   * out of a written entry's answer (null) and refuses a read entry; a resource outside the token's
   * patient or care team refuses the entry.
   */
  IBaseResource afterEntry(IBaseResource answered, boolean written);

  /** No checks: a server without {@link FhirAccessInterceptor} (tests of other concerns). */
  BundleEntryGuard NONE =
      new BundleEntryGuard() {
        @Override
        public void beforeEntry(
            String type, Interaction interaction, IIdType id, IBaseResource incoming) {
          // nothing to check
        }

        @Override
        public IBaseResource afterEntry(IBaseResource answered, boolean written) {
          return answered;
        }
      };
}
