package app.lumbra.ehrlaunch.persistence;

import app.lumbra.ehrlaunch.domain.LaunchingEhr;
import app.lumbra.ehrlaunch.domain.LaunchingEhrRepository;
import app.lumbra.shared.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaLaunchingEhrRepository implements LaunchingEhrRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaLaunchingEhrRepository() {}

  JpaLaunchingEhrRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<LaunchingEhr> find(String name) {
    return Optional.ofNullable(em.find(LaunchingEhr.class, name));
  }

  @Override
  public Optional<LaunchingEhr> findByIssuer(String issuer) {
    return em.createQuery(
            "select e from LaunchingEhr e where e.issuer = :issuer", LaunchingEhr.class)
        .setParameter("issuer", issuer)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<LaunchingEhr> list() {
    return em.createQuery("select e from LaunchingEhr e order by e.name", LaunchingEhr.class)
        .getResultList();
  }

  @Override
  public void add(LaunchingEhr ehr) {
    em.persist(ehr);
    em.flush();
  }

  @Override
  public void remove(LaunchingEhr ehr) {
    em.remove(ehr);
    em.flush();
  }
}
