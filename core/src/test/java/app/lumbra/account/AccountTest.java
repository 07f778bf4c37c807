package app.lumbra.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.account.domain.Account;
import app.lumbra.account.domain.PasswordHasher;
import app.lumbra.account.domain.Role;
import app.lumbra.shared.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  /** Reversible on purpose: the domain must never store what the hasher was given. */
  private static final PasswordHasher TAGGING =
      new PasswordHasher() {
        @Override
        public String hash(char[] password) {
          return "hashed:" + new String(password).hashCode();
        }

        @Override
        public boolean matches(char[] password, String storedHash) {
          return hash(password).equals(storedHash);
        }
      };

  private static Account clinician() {
    return Account.open(
        " Dana.Reyes ",
        "Dana Reyes",
        "correct horse battery".toCharArray(),
        Set.of(Role.CLINICIAN),
        "north-clinic",
        TAGGING,
        CLOCK);
  }

  @Test
  void userNamesAreStoredInLowerCaseWithoutSurroundingSpaces() {
    assertThat(clinician().username()).isEqualTo("dana.reyes");
  }

  @Test
  void theRightPasswordSignsInAndAWrongOneDoesNot() {
    Account account = clinician();
    assertThat(account.acceptsPassword("correct horse battery".toCharArray(), TAGGING)).isTrue();
    assertThat(account.acceptsPassword("correct horse batterY".toCharArray(), TAGGING)).isFalse();
  }

  @Test
  void aDisabledAccountCannotSignIn() {
    Account account = clinician();
    account.disable(CLOCK);
    assertThat(account.acceptsPassword("correct horse battery".toCharArray(), TAGGING)).isFalse();
  }

  @Test
  void shortPasswordsAreRejectedWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                Account.open(
                    "dana",
                    "Dana",
                    "short".toCharArray(),
                    Set.of(Role.CLINICIAN),
                    null,
                    TAGGING,
                    CLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("password")
        .hasMessageContaining("at least 12")
        .hasMessageNotContaining("short");
  }

  @Test
  void userNamesWithSpacesInsideAreRejected() {
    assertThatThrownBy(() -> Account.normalise("dana reyes"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("username");
  }

  @Test
  void anAccountNeedsARole() {
    assertThatThrownBy(
            () ->
                Account.open(
                    "dana",
                    "Dana",
                    "long enough password".toCharArray(),
                    Set.of(),
                    null,
                    TAGGING,
                    CLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("roles");
  }

  @Test
  void rolesMapToTheSecurityGroupsOfThePortal() {
    assertThat(Role.CLINICIAN.group()).isEqualTo("clinician");
    assertThat(Role.ADMIN.group()).isEqualTo("admin");
  }

  @Test
  void aOneTimePasswordMustBeReplacedByAnotherOneOfTheHoldersChoosing() {
    Account account = clinician();
    account.requirePasswordChange(CLOCK);
    assertThat(account.passwordChangeRequired()).isTrue();

    assertThatThrownBy(
            () ->
                account.changeOwnPassword(
                    "correct horse battery".toCharArray(),
                    "correct horse battery".toCharArray(),
                    TAGGING,
                    CLOCK))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("password")
        .hasMessageContaining("a password other than the current one");
    assertThat(account.passwordChangeRequired()).isTrue();

    account.changeOwnPassword(
        "correct horse battery".toCharArray(), "staple of my own".toCharArray(), TAGGING, CLOCK);
    assertThat(account.passwordChangeRequired()).isFalse();
    assertThat(account.acceptsPassword("staple of my own".toCharArray(), TAGGING)).isTrue();
    assertThat(account.acceptsPassword("correct horse battery".toCharArray(), TAGGING)).isFalse();
  }

  @Test
  void changingOnesOwnPasswordNeedsTheCurrentOneAndKeepsThePasswordRules() {
    Account account = clinician();
    assertThatThrownBy(
            () ->
                account.changeOwnPassword(
                    "a wrong guess here".toCharArray(),
                    "staple of my own".toCharArray(),
                    TAGGING,
                    CLOCK))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(
            e -> assertThat(((InvalidValueException) e).field()).isEqualTo("currentPassword"))
        .hasMessageNotContaining("a wrong guess");
    assertThatThrownBy(
            () ->
                account.changeOwnPassword(
                    "correct horse battery".toCharArray(), "short".toCharArray(), TAGGING, CLOCK))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("password"))
        .hasMessageContaining("at least 12");
    assertThat(account.acceptsPassword("correct horse battery".toCharArray(), TAGGING)).isTrue();
  }
}
