package app.lumbra.client.persistence;

import app.lumbra.client.domain.RegisteredClient;
import app.lumbra.client.domain.RegisteredClientRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaRegisteredClientRepository implements RegisteredClientRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaRegisteredClientRepository() {}

  JpaRegisteredClientRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<RegisteredClient> find(String clientId) {
    return Optional.ofNullable(em.find(RegisteredClient.class, clientId));
  }

  @Override
  public List<RegisteredClient> list() {
    return em.createQuery(
            "select c from RegisteredClient c order by c.clientId", RegisteredClient.class)
        .getResultList();
  }

  @Override
  public void add(RegisteredClient client) {
    em.persist(client);
    em.flush();
  }
}
