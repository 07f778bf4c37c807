package app.lumbra.client.application;

import app.lumbra.client.domain.RegisteredClient;
import app.lumbra.client.domain.RegisteredClientRepository;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Registers backend clients (administrators only, enforced by the callers) and looks them up. */
@ApplicationScoped
@Transactional
public class ClientRegistry {

  private RegisteredClientRepository clients;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ClientRegistry() {}

  @Inject
  public ClientRegistry(RegisteredClientRepository clients, Clock clock) {
    this.clients = clients;
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
}
