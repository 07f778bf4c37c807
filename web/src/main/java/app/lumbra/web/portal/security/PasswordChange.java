package app.lumbra.web.portal.security;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.ChangeOwnPassword;
import app.lumbra.web.portal.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The signed-in user's own password: the current one, then the new one twice, under the same rules
 * as every password (at least {@value app.lumbra.account.domain.Account#MIN_PASSWORD_LENGTH}
 * characters). After a one-time password, the portal opens once the new one is saved.
 */
@Named
@RequestScoped
public class PasswordChange {

  public static final String PAGE = "/portal/password.xhtml";
  static final String FORM = "pw";

  @Inject AccountService accounts;
  @Inject FacesContext faces;

  private String currentPassword;
  private String password;
  private String confirmPassword;

  public void change() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpSession session = (HttpSession) external.getSession(true);
    boolean wasRequired = PasswordChangeFilter.required(session);
    boolean changed;
    try {
      changed =
          FormErrors.attempt(
              faces,
              FORM,
              () ->
                  accounts.changeOwnPassword(
                      new ChangeOwnPassword(
                          external.getRemoteUser(),
                          chars(currentPassword),
                          chars(password),
                          chars(confirmPassword))));
    } finally {
      // Typed passwords are never shown again, accepted or not.
      currentPassword = null;
      password = null;
      confirmPassword = null;
    }
    if (!changed) {
      return;
    }
    PasswordChangeFilter.changed(session);
    if (wasRequired) {
      external.redirect(external.getRequestContextPath() + PortalSecurity.HOME_PAGE);
      return;
    }
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your password was changed.", null));
  }

  /** Whether the page asks because the password was generated (a one-time password). */
  public boolean isRequired() {
    Object session = faces.getExternalContext().getSession(false);
    return session != null && PasswordChangeFilter.required((HttpSession) session);
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmPassword() {
    return confirmPassword;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
