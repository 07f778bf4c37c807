package app.lumbra.account.domain;

import app.lumbra.shared.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Port to the stored accounts; the JPA implementation lives in {@code account.persistence}. */
public interface AccountRepository {

  Optional<Account> find(String id);

  /** The account with this id; throws {@link NotFoundException} when there is none. */
  default Account get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("Account", id));
  }

  /** The account with this user name (already normalised, see {@link Account#normalise}). */
  Optional<Account> findByUsername(String username);

  /** Every account ordered by user name. */
  List<Account> list();

  /** Whether any enabled account has the role. */
  boolean anyEnabledWithRole(Role role);

  void add(Account account);

  /** Writes pending changes now, so a concurrent change surfaces inside the use case. */
  void flush(Account account);
}
