package app.lumbra.account.persistence;

import app.lumbra.account.domain.Account;
import app.lumbra.account.domain.AccountRepository;
import app.lumbra.account.domain.Role;
import app.lumbra.shared.Database;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
  private EntityManager em;

  JpaAccountRepository() {}

  JpaAccountRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Account> find(String id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  @Override
  public Optional<Account> findByUsername(String username) {
    return em.createQuery("select a from Account a where a.username = :username", Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Account> list() {
    return em.createQuery("select a from Account a order by a.username", Account.class)
        .getResultList();
  }

  @Override
  public boolean anyEnabledWithRole(Role role) {
    return em.createQuery(
                "select count(a) from Account a join a.roles r where a.enabled = true and r = :role",
                Long.class)
            .setParameter("role", role)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(Account account) {
    em.persist(account);
    flush(account);
  }

  @Override
  public void flush(Account account) {
    try {
      em.flush();
    } catch (OptimisticLockException stale) {
      throw new VersionConflictException(
          "Account", account.id(), account.version(), account.version() + 1);
    }
  }
}
