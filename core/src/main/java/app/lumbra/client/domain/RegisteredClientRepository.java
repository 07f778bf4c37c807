package app.lumbra.client.domain;

import java.util.List;
import java.util.Optional;

/** Port to the registered backend clients. */
public interface RegisteredClientRepository {

  Optional<RegisteredClient> find(String clientId);

  List<RegisteredClient> list();

  void add(RegisteredClient client);
}
