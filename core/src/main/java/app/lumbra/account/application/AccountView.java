package app.lumbra.account.application;

import app.lumbra.account.domain.Account;
import app.lumbra.account.domain.Role;
import java.time.OffsetDateTime;
import java.util.Set;

/** An account as the boundaries show it; never carries the password hash. */
public record AccountView(
    String id,
    long version,
    String username,
    String displayName,
    Set<Role> roles,
    String careTeam,
    boolean enabled,
    OffsetDateTime createdAt,
    boolean passwordChangeRequired) {

  static AccountView of(Account account) {
    return new AccountView(
        account.id(),
        account.version(),
        account.username(),
        account.displayName(),
        account.roles(),
        account.careTeam(),
        account.enabled(),
        account.createdAt(),
        account.passwordChangeRequired());
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
