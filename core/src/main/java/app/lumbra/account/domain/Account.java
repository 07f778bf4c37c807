package app.lumbra.account.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in to the portal.
 *
 * <p>Rules: the user name is 3–100 characters of lower-case letters, digits and {@code . _ @ -},
 * unique, compared without regard to case; the password has at least {@value #MIN_PASSWORD_LENGTH}
 * characters and is kept only as a hash; an account has at least one {@link Role}; the care team
 * (optional, at most 64 characters) is what a clinician's patients are scoped by.
 *
 * <p>Lifecycle: {@link #open opened}, its password {@link #changePassword changed}, {@link #disable
 * disabled} (it can no longer sign in) and {@link #enable enabled} again. A password generated for
 * the account (a one-time password) {@link #requirePasswordChange requires} the holder to {@link
 * #changeOwnPassword choose their own}, which must differ from it, before they use the portal.
 * Every change raises the optimistic-lock version.
 */
@Entity
@Table(name = "account")
public class Account {

  public static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_PASSWORD_LENGTH = 200;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,100}");

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "username", nullable = false, length = 100)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(name = "care_team", length = 64)
  private String careTeam;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "password_change_required", nullable = false)
  private boolean passwordChangeRequired;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "account_role", nullable = false, length = 16)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Account() {
    // for JPA
  }

  /** Opens an enabled account; the password is checked against the rules, then hashed. */
  public static Account open(
      String username,
      String displayName,
      char[] password,
      Set<Role> roles,
      String careTeam,
      PasswordHasher hasher,
      Clock clock) {
    Account account = new Account();
    account.id = UUID.randomUUID().toString();
    account.username = normalise(username);
    account.displayName = displayName(displayName);
    account.passwordHash = hasher.hash(checkedPassword(password));
    account.roles = roles(roles);
    account.careTeam = careTeam(careTeam);
    account.enabled = true;
    account.createdAt = OffsetDateTime.now(clock);
    account.updatedAt = account.createdAt;
    return account;
  }

  /**
   * The form in which user names are stored and compared: trimmed, lower case, checked.
   *
   * @throws InvalidValueException when the name breaks the rules
   */
  public static String normalise(String username) {
    InvalidValueException.required("username", username, allowedUsername());
    String value = username.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(value).matches()) {
      throw new InvalidValueException("username", username, allowedUsername());
    }
    return value;
  }

  /** Whether this account may sign in with {@code password}. */
  public boolean acceptsPassword(char[] password, PasswordHasher hasher) {
    return enabled && password != null && hasher.matches(password, passwordHash);
  }

  public void changePassword(char[] password, PasswordHasher hasher, Clock clock) {
    passwordHash = hasher.hash(checkedPassword(password));
    passwordChangeRequired = false;
    updatedAt = OffsetDateTime.now(clock);
  }

  /**
   * The holder changes their own password: they prove they know the current one, and the new one
   * follows the password rules and is not the current one (a one-time password stays one-time).
   *
   * @throws InvalidValueException naming {@code currentPassword} or {@code password}
   */
  public void changeOwnPassword(
      char[] current, char[] password, PasswordHasher hasher, Clock clock) {
    if (current == null || !hasher.matches(current, passwordHash)) {
      throw new InvalidValueException(
          "currentPassword", current == null ? null : "(hidden)", "your current password");
    }
    if (password != null && hasher.matches(password, passwordHash)) {
      throw new InvalidValueException(
          "password", "(hidden)", "a password other than the current one");
    }
    changePassword(password, hasher, clock);
  }

  /** The password was generated for the account; its holder must choose their own first. */
  public void requirePasswordChange(Clock clock) {
    passwordChangeRequired = true;
    updatedAt = OffsetDateTime.now(clock);
  }

  public void disable(Clock clock) {
    enabled = false;
    updatedAt = OffsetDateTime.now(clock);
  }

  public void enable(Clock clock) {
    enabled = true;
    updatedAt = OffsetDateTime.now(clock);
  }

  private static String allowedUsername() {
    return "3 to 100 characters: letters, digits and . _ @ -";
  }

  private static String displayName(String value) {
    if (value == null || value.isBlank() || value.strip().length() > 200) {
      throw new InvalidValueException("displayName", value, "a name of 1 to 200 characters");
    }
    return value.strip();
  }

  private static char[] checkedPassword(char[] password) {
    if (password == null
        || password.length < MIN_PASSWORD_LENGTH
        || password.length > MAX_PASSWORD_LENGTH) {
      // The rejected password itself is never echoed.
      throw new InvalidValueException(
          "password",
          password == null ? null : "(hidden)",
          "at least "
              + MIN_PASSWORD_LENGTH
              + " and at most "
              + MAX_PASSWORD_LENGTH
              + " characters");
    }
    return password;
  }

  private static Set<Role> roles(Set<Role> roles) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
      throw new InvalidValueException("roles", roles, "one or more of CLINICIAN, ADMIN");
    }
    return EnumSet.copyOf(roles);
  }

  private static String careTeam(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > 64) {
      throw new InvalidValueException("careTeam", value, "at most 64 characters, or none");
    }
    return value.strip();
  }

  public String id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  /** The care team, or null when the account belongs to none. */
  public String careTeam() {
    return careTeam;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Whether the holder must choose a new password before using the portal. */
  public boolean passwordChangeRequired() {
    return passwordChangeRequired;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
