package app.lumbra.account.application;

import app.lumbra.account.domain.Account;
import app.lumbra.account.domain.AccountRepository;
import app.lumbra.account.domain.PasswordHasher;
import app.lumbra.account.domain.Role;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Account use cases for the portal's sign-in and administration. Each method is one transaction; a
 * rejected command stores nothing.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  private AccountRepository accounts;
  private PasswordHasher hasher;
  private Clock clock;

  /** For the CDI proxy only. */
  protected AccountService() {}

  @Inject
  public AccountService(AccountRepository accounts, PasswordHasher hasher, Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.clock = clock;
  }

  /**
   * Opens an account.
   *
   * @throws InvalidValueException when a value breaks the account rules or the user name is taken
   */
  public AccountView open(@NotNull @Valid OpenAccount command) {
    String username = Account.normalise(command.username());
    if (accounts.findByUsername(username).isPresent()) {
      throw new InvalidValueException("username", username, "a user name no other account has");
    }
    Account account =
        Account.open(
            username,
            command.displayName(),
            command.password(),
            command.roles(),
            command.careTeam(),
            hasher,
            clock);
    accounts.add(account);
    return AccountView.of(account);
  }

  /**
   * Opens an account with a password generated for it (the first administrator's one-time
   * password): its holder must choose their own at the first sign-in.
   *
   * @throws InvalidValueException as {@link #open}
   */
  public AccountView openWithOneTimePassword(@NotNull @Valid OpenAccount command) {
    AccountView opened = open(command);
    Account account =
        accounts
            .findByUsername(opened.username())
            .orElseThrow(() -> new NotFoundException("Account", opened.username()));
    account.requirePasswordChange(clock);
    return AccountView.of(account);
  }

  /**
   * The signed-in user changes their own password: the current one, then the new one twice.
   *
   * @throws InvalidValueException naming {@code currentPassword}, {@code password} (the password
   *     rules, or the same as the current one) or {@code confirmPassword} (not the same as the new
   *     one); nothing is changed
   */
  public AccountView changeOwnPassword(@NotNull @Valid ChangeOwnPassword command) {
    if (!Arrays.equals(command.password(), command.confirmPassword())) {
      throw new InvalidValueException(
          "confirmPassword", "(hidden)", "the same password as the new password");
    }
    Account account =
        accounts
            .findByUsername(Account.normalise(command.username()))
            .orElseThrow(() -> new NotFoundException("Account", command.username()));
    account.changeOwnPassword(command.currentPassword(), command.password(), hasher, clock);
    return AccountView.of(account);
  }

  /**
   * The account that signs in with these credentials, or empty for an unknown user, a wrong
   * password or a disabled account (the caller cannot tell which, on purpose).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AccountView> verify(String username, char[] password) {
    String normalised;
    try {
      normalised = Account.normalise(username);
    } catch (InvalidValueException notAUsername) {
      return Optional.empty();
    }
    return accounts
        .findByUsername(normalised)
        .filter(account -> account.acceptsPassword(password, hasher))
        .map(AccountView::of);
  }

  /** The account signed in under this user name, if it exists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AccountView> findByUsername(String username) {
    try {
      return accounts.findByUsername(Account.normalise(username)).map(AccountView::of);
    } catch (InvalidValueException notAUsername) {
      return Optional.empty();
    }
  }

  /**
   * Disables the account: it can no longer sign in, and every instance refuses its portal session
   * and its tokens from its next request on (within the bound of {@code Revocations}).
   *
   * @throws NotFoundException when no account has this user name
   */
  public AccountView disable(String username) {
    Account account =
        findAccount(username).orElseThrow(() -> new NotFoundException("Account", username));
    account.disable(clock);
    return AccountView.of(account);
  }

  private Optional<Account> findAccount(String username) {
    try {
      return accounts.findByUsername(Account.normalise(username));
    } catch (InvalidValueException notAUsername) {
      return Optional.empty();
    }
  }

  /** Every account, by user name. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AccountView> list() {
    return accounts.list().stream().map(AccountView::of).toList();
  }

  /** Whether an enabled administrator exists (the first one comes from configuration). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean hasAdministrator() {
    return accounts.anyEnabledWithRole(Role.ADMIN);
  }
}
