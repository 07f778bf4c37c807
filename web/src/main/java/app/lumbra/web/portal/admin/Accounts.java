package app.lumbra.web.portal.admin;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.account.application.OpenAccount;
import app.lumbra.account.domain.Role;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** Administrators open accounts for clinicians and other administrators. */
@Named
@ViewScoped
public class Accounts implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";
  static final String ROWS = "rows";

  @Inject AccountService accounts;
  @Inject FacesContext faces;

  private String username;
  private String displayName;
  private String password;
  private Role role = Role.CLINICIAN;
  private String careTeam;

  /** The rows as this view showed them, so a row's button acts on the account it showed. */
  private List<AccountView> all;

  public List<AccountView> getAll() {
    if (all == null) {
      all = accounts.list();
    }
    return all;
  }

  /**
   * Deactivates the account: it can no longer sign in, and its portal session and tokens are
   * refused on every instance within the revocation bound. Not one's own account.
   */
  public void deactivate(String account) throws IOException {
    if (account.equalsIgnoreCase(faces.getExternalContext().getRemoteUser())) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "You cannot deactivate your own account: another administrator can.",
              null));
      return;
    }
    FormErrors.attempt(
        faces,
        ROWS,
        () -> {
          accounts.disable(account);
          all = null;
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO,
                  "Account "
                      + account
                      + " deactivated: it is signed out everywhere within a few seconds.",
                  null));
        });
  }

  public void open() throws IOException {
    try {
      FormErrors.attempt(
          faces,
          FORM,
          () -> {
            all = null;
            AccountView opened =
                accounts.open(
                    new OpenAccount(
                        username,
                        displayName,
                        password == null ? null : password.toCharArray(),
                        Set.of(role),
                        PortalForms.text(careTeam)));
            faces.addMessage(
                null,
                new FacesMessage(
                    FacesMessage.SEVERITY_INFO, "Account " + opened.username() + " opened.", null));
            username = null;
            displayName = null;
            careTeam = null;
          });
    } finally {
      // The typed password is never kept in the view, accepted or not.
      password = null;
    }
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getCareTeam() {
    return careTeam;
  }

  public void setCareTeam(String careTeam) {
    this.careTeam = careTeam;
  }
}
