package app.lumbra.client.persistence;

import app.lumbra.client.domain.UsedAssertion;
import app.lumbra.client.domain.UsedAssertions;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

@ApplicationScoped
class JpaUsedAssertions implements UsedAssertions {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaUsedAssertions() {}

  JpaUsedAssertions(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<UsedAssertion> find(String key) {
    return Optional.ofNullable(em.find(UsedAssertion.class, key));
  }

  @Override
  public void add(UsedAssertion used) {
    em.persist(used);
    // Now, not at commit: the primary key is what refuses a use raced on another instance.
    em.flush();
  }

  @Override
  public int forgetExpiredBefore(OffsetDateTime before) {
    return em.createQuery("delete from UsedAssertion u where u.expiresAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
