package app.lumbra.web.portal.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A Lumbra user name the launching EHR vouched for, in the token response Lumbra fetched itself
 * from the EHR's token endpoint with its PKCE verifier. Only the launch endpoint creates one
 * (app.lumbra.web.launch).
 */
public final class EhrLaunchCredential implements Credential {

  private final String username;
  private final String ehr;

  public EhrLaunchCredential(String username, String ehr) {
    this.username = username;
    this.ehr = ehr;
  }

  public String username() {
    return username;
  }

  /** The configured name of the EHR that launched. */
  public String ehr() {
    return ehr;
  }
}
