package app.lumbra.fhir.system;

import java.util.HashMap;
import java.util.Map;

/**
 * What one Bundle's entries share while they are processed: the ids {@code urn:uuid:} placeholders
 * stand for, the server base for absolute URLs, and whether the entries run in one transaction.
 */
final class BundleState {

  final Map<String, String> resolved = new HashMap<>();
  final String serverBase;
  final boolean oneTransaction;

  BundleState(String serverBase, boolean oneTransaction) {
    this.serverBase = serverBase;
    this.oneTransaction = oneTransaction;
  }
}
