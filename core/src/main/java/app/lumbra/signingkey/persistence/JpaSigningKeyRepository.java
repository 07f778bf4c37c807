package app.lumbra.signingkey.persistence;

import app.lumbra.shared.Database;
import app.lumbra.signingkey.domain.SigningKey;
import app.lumbra.signingkey.domain.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
class JpaSigningKeyRepository implements SigningKeyRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaSigningKeyRepository() {}

  JpaSigningKeyRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<SigningKey> find(String purpose) {
    return Optional.ofNullable(em.find(SigningKey.class, purpose));
  }

  @Override
  public void add(SigningKey key) {
    em.persist(key);
    em.flush();
  }
}
