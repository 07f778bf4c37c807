package app.lumbra.client.application;

import app.lumbra.client.domain.RegisteredClient;
import java.time.OffsetDateTime;

/** A registered backend client as the token endpoint and the portal see it. */
public record ClientView(
    String clientId,
    String name,
    String publicKeys,
    String allowedScopes,
    String careTeam,
    boolean enabled,
    OffsetDateTime registeredAt) {

  static ClientView of(RegisteredClient client) {
    return new ClientView(
        client.clientId(),
        client.name(),
        client.publicKeys(),
        client.allowedScopes(),
        client.careTeam(),
        client.enabled(),
        client.registeredAt());
  }
}
