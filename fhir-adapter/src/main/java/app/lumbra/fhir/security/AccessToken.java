package app.lumbra.fhir.security;

/**
 * A verified bearer token: who it was issued to ({@code sub}), the client ({@code client_id} or
 * {@code azp}), its SMART scopes and, for patient-context scopes, the patient id it is confined to.
 */
public record AccessToken(String subject, String clientId, SmartScopes scopes, String patient) {

  /** Who the audit names for this token. */
  public String who() {
    return clientId == null || clientId.equals(subject) ? subject : subject + " (" + clientId + ")";
  }
}
