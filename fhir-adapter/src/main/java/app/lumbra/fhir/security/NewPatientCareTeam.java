package app.lumbra.fhir.security;

import app.lumbra.careteam.application.CareTeams;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import app.lumbra.fhir.security.SmartScopes.Context;
import app.lumbra.fhir.security.SmartScopes.Interaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Care teams: the team a patient created over FHIR joins, so the clinicians who will treat it see
 * it. A {@code user/} token acts for a clinician, so the patient joins that clinician's team (as a
 * patient registered in the portal does; an account without a team, such as an administrator's,
 * gives none). A {@code system/} token is an EHR feeding Lumbra: the patient joins the care team
 * its registered client was given, else {@code lumbra.fhir.default-care-team}. With neither, the
 * patient belongs to no team and only administrators (and accounts of no team) see it.
 */
@ApplicationScoped
public class NewPatientCareTeam {

  private CareTeams careTeams;
  private ClientRegistry clients;
  private Optional<String> defaultTeam;

  /** For the CDI proxy only. */
  protected NewPatientCareTeam() {}

  @Inject
  public NewPatientCareTeam(
      CareTeams careTeams,
      ClientRegistry clients,
      @ConfigProperty(name = "lumbra.fhir.default-care-team") Optional<String> defaultTeam) {
    this.careTeams = careTeams;
    this.clients = clients;
    this.defaultTeam = defaultTeam.filter(team -> !team.isBlank()).map(String::strip);
  }

  /** The team for a patient {@code token} creates, if any. */
  public Optional<String> teamFor(AccessToken token) {
    if (token == null) {
      return defaultTeam;
    }
    Optional<Context> context = token.scopes().allows("Patient", Interaction.CREATE);
    if (context.isPresent() && context.get() == Context.USER) {
      return careTeams.teamOfUser(token.subject());
    }
    String client = token.clientId() != null ? token.clientId() : token.subject();
    return Optional.ofNullable(client)
        .flatMap(clients::find)
        .filter(ClientView::enabled)
        .map(ClientView::careTeam)
        .filter(team -> !team.isBlank())
        .or(() -> defaultTeam);
  }
}
