package app.lumbra.ehrlaunch.application;

import app.lumbra.ehrlaunch.domain.ConfiguredEhr;
import app.lumbra.ehrlaunch.domain.LaunchingEhr;
import java.io.Serializable;

/**
 * An EHR allowed to launch the portal, as the launch and the admin page see it; {@code
 * fromConfiguration} tells one named in configuration (read-only) from one an administrator
 * registered. Serializable: a launch keeps it in the browser's session until the callback.
 */
public record LaunchingEhrView(
    String name, String issuer, String clientId, String userClaim, boolean fromConfiguration)
    implements Serializable {

  static LaunchingEhrView of(LaunchingEhr ehr) {
    return new LaunchingEhrView(ehr.name(), ehr.issuer(), ehr.clientId(), ehr.userClaim(), false);
  }

  static LaunchingEhrView of(ConfiguredEhr ehr) {
    return new LaunchingEhrView(ehr.name(), ehr.issuer(), ehr.clientId(), ehr.userClaim(), true);
  }
}
