package app.lumbra.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.careteam.application.CareTeams;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which care team a patient created over FHIR joins. */
class NewPatientCareTeamTest {

  private static final Map<String, String> CLINICIAN_TEAMS = Map.of("dr-north", "north");

  private static final Map<String, ClientView> CLIENTS =
      Map.of(
          "ehr-north", client("ehr-north", "north", true),
          "ehr-plain", client("ehr-plain", null, true),
          "ehr-off", client("ehr-off", "south", false));

  private final CareTeams careTeams =
      new CareTeams() {
        @Override
        public Optional<String> teamOfUser(String username) {
          return Optional.ofNullable(CLINICIAN_TEAMS.get(username));
        }
      };

  private final ClientRegistry clients =
      new ClientRegistry() {
        @Override
        public Optional<ClientView> find(String clientId) {
          return Optional.ofNullable(CLIENTS.get(clientId));
        }
      };

  private final NewPatientCareTeam withDefault =
      new NewPatientCareTeam(careTeams, clients, Optional.of("intake"));
  private final NewPatientCareTeam withoutDefault =
      new NewPatientCareTeam(careTeams, clients, Optional.empty());

  @Test
  @DisplayName("a user/ token's patient joins the clinician's team, never the default")
  void aUserTokensPatientJoinsTheCliniciansTeam() {
    assertThat(withDefault.teamFor(token("dr-north", "portal", "user/*.cruds"))).contains("north");
    assertThat(withDefault.teamFor(token("admin", "portal", "user/*.cruds"))).isEmpty();
  }

  @Test
  @DisplayName("a system/ token's patient joins its registered client's team, else the default")
  void aSystemTokensPatientJoinsTheClientsTeamOrTheDefault() {
    assertThat(withDefault.teamFor(token("ehr-north", "ehr-north", "system/*.cruds")))
        .contains("north");
    assertThat(withDefault.teamFor(token("ehr-plain", "ehr-plain", "system/*.cruds")))
        .contains("intake");
    assertThat(withDefault.teamFor(token("ehr-off", "ehr-off", "system/*.cruds")))
        .contains("intake");
    assertThat(withDefault.teamFor(token("idp-client", "idp-client", "system/*.cruds")))
        .contains("intake");
    assertThat(withoutDefault.teamFor(token("idp-client", "idp-client", "system/*.cruds")))
        .isEmpty();
    assertThat(withoutDefault.teamFor(token("ehr-north", "ehr-north", "system/*.cruds")))
        .contains("north");
  }

  private static AccessToken token(String subject, String client, String scopes) {
    return new AccessToken(subject, client, SmartScopes.parse(scopes), null);
  }

  private static ClientView client(String id, String team, boolean enabled) {
    return new ClientView(id, id, "key", "system/*.cruds", team, enabled, OffsetDateTime.now());
  }
}
