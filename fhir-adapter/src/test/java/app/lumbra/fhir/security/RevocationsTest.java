package app.lumbra.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.account.domain.Role;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Revoked clients and deactivated accounts are refused within the stated bound. */
class RevocationsTest {

  private final Map<String, Boolean> clientEnabled = new HashMap<>();
  private final Map<String, Boolean> accountEnabled = new HashMap<>();
  private final AtomicInteger lookUps = new AtomicInteger();
  private Instant now = Instant.parse("2026-12-05T10:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final Revocations revocations =
      new Revocations(
          new ClientRegistry() {
            @Override
            public Optional<ClientView> find(String clientId) {
              lookUps.incrementAndGet();
              return Optional.ofNullable(clientEnabled.get(clientId))
                  .map(
                      enabled ->
                          new ClientView(
                              clientId,
                              clientId,
                              "key",
                              "system/*.rs",
                              null,
                              enabled,
                              OffsetDateTime.now(clock)));
            }
          },
          new AccountService() {
            @Override
            public Optional<AccountView> findByUsername(String username) {
              lookUps.incrementAndGet();
              return Optional.ofNullable(accountEnabled.get(username))
                  .map(
                      enabled ->
                          new AccountView(
                              "id-" + username,
                              1,
                              username,
                              username,
                              Set.of(Role.CLINICIAN),
                              "team",
                              enabled,
                              OffsetDateTime.now(clock),
                              false));
            }
          },
          clock);

  @Test
  void aRevokedClientsTokenIsRefusedOnceTheBoundHasPassedAndAskedOncePerBound() {
    clientEnabled.put("ehr", true);
    AccessToken token = new AccessToken("ehr", "ehr", SmartScopes.parse("system/*.rs"), null);
    assertThat(revocations.refusal(token)).isEmpty();

    clientEnabled.put("ehr", false);
    now = now.plus(Revocations.BOUND).minusMillis(1);
    assertThat(revocations.refusal(token)).as("remembered within the bound").isEmpty();
    assertThat(lookUps).hasValue(1);

    now = now.plusMillis(1);
    assertThat(revocations.refusal(token)).contains("The client ehr was revoked");
  }

  @Test
  void aDeactivatedAccountsUserTokenIsRefusedButASystemTokenWithTheSameSubjectIsNot() {
    accountEnabled.put("nina", false);
    assertThat(
            revocations.refusal(
                new AccessToken("nina", "portal-app", SmartScopes.parse("user/*.rs"), null)))
        .contains("The account nina was deactivated");
    assertThat(
            revocations.refusal(
                new AccessToken("nina", "nina", SmartScopes.parse("system/*.rs"), null)))
        .isEmpty();
    assertThat(revocations.accountDeactivated("nina")).isTrue();
  }

  @Test
  void namesLumbraDoesNotKnowAreNotRevoked() {
    assertThat(
            revocations.refusal(
                new AccessToken("someone", "idp-client", SmartScopes.parse("user/*.rs"), null)))
        .isEmpty();
  }
}
