package app.lumbra.client.application;

import app.lumbra.client.domain.RegisteredClient;
import app.lumbra.client.domain.RegisteredClientRepository;
import app.lumbra.client.domain.UsedAssertion;
import app.lumbra.client.domain.UsedAssertions;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Registers backend clients (administrators only, enforced by the callers) and looks them up. */
@ApplicationScoped
@Transactional
public class ClientRegistry {

  /** How long past its expiry a used assertion is remembered: the clock skew tolerated. */
  private static final Duration SKEW = Duration.ofSeconds(60);

  private RegisteredClientRepository clients;
  private UsedAssertions assertions;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ClientRegistry() {}

  @Inject
  public ClientRegistry(
      RegisteredClientRepository clients, UsedAssertions assertions, Clock clock) {
    this.clients = clients;
    this.assertions = assertions;
    this.clock = clock;
  }

  /** Registers a client; {@code careTeam} (optional) is the team of the patients it creates. */
  public ClientView register(
      String clientId, String name, String publicKeys, String allowedScopes, String careTeam) {
    if (clients.find(clientId).isPresent()) {
      throw new InvalidValueException("clientId", clientId, "a client id no other client has");
    }
    RegisteredClient client =
        RegisteredClient.register(clientId, name, publicKeys, allowedScopes, careTeam, clock);
    clients.add(client);
    return ClientView.of(client);
  }

  public Optional<ClientView> find(String clientId) {
    return clients.find(clientId).map(ClientView::of);
  }

  public List<ClientView> list() {
    return clients.list().stream().map(ClientView::of).toList();
  }

  public void disable(String clientId) {
    clients.find(clientId).orElseThrow(() -> new NotFoundException("Client", clientId)).disable();
  }

  /**
   * Records that {@code clientId} exchanged the assertion {@code assertionId}, valid until {@code
   * expiresAt}, in a transaction of its own that commits before the token is issued, so that every
   * instance sharing the database refuses it from then on. Uses that expired are forgotten.
   *
   * @throws AssertionReplayedException when the client has used this assertion id before
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void useAssertion(String clientId, String assertionId, Instant expiresAt) {
    assertions.forgetExpiredBefore(OffsetDateTime.now(clock).minus(SKEW));
    String key = UsedAssertion.key(clientId, assertionId);
    if (assertions.find(key).isPresent()) {
      throw new AssertionReplayedException(clientId);
    }
    assertions.add(UsedAssertion.of(clientId, assertionId, expiresAt));
  }

  /**
   * Whether {@code clientId} has used the assertion id (asked after {@link #useAssertion} failed on
   * the database, to tell a use raced on another instance from an outage).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean assertionUsed(String clientId, String assertionId) {
    return assertions.find(UsedAssertion.key(clientId, assertionId)).isPresent();
  }
}
