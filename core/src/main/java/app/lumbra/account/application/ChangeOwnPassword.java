package app.lumbra.account.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;

/**
 * The signed-in user changes their password: the current one, then the new one twice. Passwords are
 * never printed.
 */
public record ChangeOwnPassword(
    @NotBlank String username,
    @NotNull char[] currentPassword,
    @NotNull char[] password,
    @NotNull char[] confirmPassword) {

  @Override
  public boolean equals(Object other) {
    return other instanceof ChangeOwnPassword that
        && username.equals(that.username)
        && Arrays.equals(currentPassword, that.currentPassword)
        && Arrays.equals(password, that.password)
        && Arrays.equals(confirmPassword, that.confirmPassword);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return "ChangeOwnPassword[" + username + "]";
  }
}
