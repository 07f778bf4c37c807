package app.lumbra.account.application;

import app.lumbra.account.domain.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Set;

/** Opens an account; {@code careTeam} may be null. The password is never printed. */
public record OpenAccount(
    @NotBlank @Size(max = 100) String username,
    @NotBlank @Size(max = 200) String displayName,
    @NotNull char[] password,
    @NotEmpty Set<@NotNull Role> roles,
    @Size(max = 64) String careTeam) {

  @Override
  public boolean equals(Object other) {
    return other instanceof OpenAccount that
        && username.equals(that.username)
        && Arrays.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return "OpenAccount[" + username + ", roles=" + roles + ", careTeam=" + careTeam + "]";
  }
}
