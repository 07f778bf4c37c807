package app.lumbra.web.portal.admin;

import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import app.lumbra.web.portal.FormErrors;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Administrators register SMART Backend Services clients with their public keys. */
@Named
@ViewScoped
public class BackendClients implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";
  static final String ROWS = "rows";

  @Inject ClientRegistry clients;
  @Inject FacesContext faces;

  private String clientId;
  private String name;
  private String publicKeys;
  private String scopes = "system/*.read";
  private String careTeam;

  /** The rows as this view showed them, so a row's button acts on the client it showed. */
  private List<ClientView> all;

  public List<ClientView> getAll() {
    if (all == null) {
      all = clients.list();
    }
    return all;
  }

  /**
   * Revokes the client: every instance refuses its tokens and its new token requests within the
   * revocation bound. It stays listed, disabled, for the audit trail.
   */
  public void revoke(String clientId) throws IOException {
    FormErrors.attempt(
        faces,
        ROWS,
        () -> {
          clients.disable(clientId);
          all = null;
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO,
                  "Client "
                      + clientId
                      + " revoked: its tokens are refused everywhere within a few seconds.",
                  null));
        });
  }

  public void register() throws IOException {
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          ClientView registered = clients.register(clientId, name, publicKeys, scopes, careTeam);
          all = null;
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO,
                  "Client " + registered.clientId() + " registered.",
                  null));
          clientId = null;
          name = null;
          publicKeys = null;
          careTeam = null;
        });
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPublicKeys() {
    return publicKeys;
  }

  public void setPublicKeys(String publicKeys) {
    this.publicKeys = publicKeys;
  }

  public String getScopes() {
    return scopes;
  }

  public void setScopes(String scopes) {
    this.scopes = scopes;
  }

  public String getCareTeam() {
    return careTeam;
  }

  public void setCareTeam(String careTeam) {
    this.careTeam = careTeam;
  }
}
