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

  @Inject ClientRegistry clients;
  @Inject FacesContext faces;

  private String clientId;
  private String name;
  private String publicKeys;
  private String scopes = "system/*.read";
  private String careTeam;

  public List<ClientView> getAll() {
    return clients.list();
  }

  public void register() throws IOException {
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          ClientView registered = clients.register(clientId, name, publicKeys, scopes, careTeam);
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
