package app.lumbra.account.domain;

import java.util.Locale;

/**
 * What an account may do in the portal. The group names are the Jakarta Security groups the web
 * module's security constraints name.
 */
public enum Role {
  /** Sees and treats patients (those of the clinician's care team). */
  CLINICIAN,
  /** Manages accounts and sees every patient. */
  ADMIN;

  /** The security group of the role: {@code clinician} or {@code admin}. */
  public String group() {
    return name().toLowerCase(Locale.ROOT);
  }
}
