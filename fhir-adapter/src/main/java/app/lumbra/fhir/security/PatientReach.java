package app.lumbra.fhir.security;

import app.lumbra.careteam.application.CareTeams;
import app.lumbra.fhir.security.SmartScopes.Context;
import app.lumbra.fhir.security.SmartScopes.Interaction;
import app.lumbra.patient.domain.VisiblePatients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Care teams: the patients a Patient search may find for a token. A {@code user/} token finds only
 * its user's care team's patients (as the portal's list does), so the page and its {@code total}
 * hold nothing of other teams; {@code system/} tokens find everybody, and {@code patient/} tokens
 * are confined by {@link FhirAccessInterceptor} on the response.
 */
@ApplicationScoped
public class PatientReach {

  private CareTeams careTeams;

  /** For the CDI proxy only. */
  protected PatientReach() {}

  @Inject
  public PatientReach(CareTeams careTeams) {
    this.careTeams = careTeams;
  }

  public VisiblePatients of(AccessToken token) {
    if (token == null) {
      return VisiblePatients.all();
    }
    Optional<Context> context = token.scopes().allows("Patient", Interaction.SEARCH);
    return context.isPresent() && context.get() == Context.USER
        ? careTeams.visibleTo(token.subject())
        : VisiblePatients.all();
  }
}
