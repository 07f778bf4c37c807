package app.lumbra.fhir.system;

import app.lumbra.fhir.security.BundleEntryGuard;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;

/**
 * What one Bundle's entries share while they are processed: the ids {@code urn:uuid:} placeholders
 * stand for, the server base for absolute URLs, whether the entries run in one transaction, the
 * request, and the guard that checks each entry.
 */
final class BundleState {

  final Map<String, String> resolved = new HashMap<>();
  final String serverBase;
  final boolean oneTransaction;
  final RequestDetails request;
  final BundleEntryGuard guard;

  BundleState(RequestDetails request, boolean oneTransaction, BundleEntryGuard guard) {
    this.serverBase = request.getFhirServerBase();
    this.oneTransaction = oneTransaction;
    this.request = request;
    this.guard = guard;
  }
}
