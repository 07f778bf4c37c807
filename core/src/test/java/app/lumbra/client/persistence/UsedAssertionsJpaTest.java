package app.lumbra.client.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.client.application.AssertionReplayedException;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SMART Backend Services: an assertion is exchanged once, whichever instance sees it. Two
 * registries on two entity managers of one database stand for two instances of a cluster.
 */
class UsedAssertionsJpaTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private JpaTestDatabase db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private Instance instance(Clock clock) {
    EntityManager em = db.entityManager();
    return new Instance(
        em,
        new ClientRegistry(
            new JpaRegisteredClientRepository(em), new JpaUsedAssertions(em), clock));
  }

  private record Instance(EntityManager em, ClientRegistry registry) {}

  private void use(Instance instance, String client, String jti, Instant expires) {
    db.inTransaction(instance.em(), () -> instance.registry().useAssertion(client, jti, expires));
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("an assertion used on one instance is refused on another, and on the first again")
  void anAssertionUsedOnOneInstanceIsRefusedEverywhere(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    Instance first = instance(CLOCK);
    Instance second = instance(CLOCK);
    Instant expires = NOW.plus(Duration.ofMinutes(5));

    use(first, "ehr-north", "a-1", expires);

    assertThatThrownBy(() -> use(second, "ehr-north", "a-1", expires))
        .isInstanceOf(AssertionReplayedException.class);
    assertThatThrownBy(() -> use(first, "ehr-north", "a-1", expires))
        .isInstanceOf(AssertionReplayedException.class);
    assertThat(
            db.inTransaction(
                second.em(), () -> second.registry().assertionUsed("ehr-north", "a-1")))
        .isTrue();
    // Assertion ids are unique per client only: another client may use the same one.
    use(second, "ehr-south", "a-1", expires);
    assertThat(db.countRows("used_client_assertion")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("a use is forgotten once its assertion has expired, and not before")
  void aUseIsForgottenOnceItsAssertionHasExpired(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    use(instance(CLOCK), "ehr-north", "old", NOW.plus(Duration.ofMinutes(5)));
    use(instance(CLOCK), "ehr-north", "fresh", NOW.plus(Duration.ofMinutes(9)));

    // Seven minutes later (beyond expiry plus the minute of skew allowed) "old" is forgotten.
    Instance later = instance(Clock.offset(CLOCK, Duration.ofMinutes(7)));
    use(later, "ehr-north", "next", NOW.plus(Duration.ofMinutes(12)));

    assertThat(db.countRows("used_client_assertion")).isEqualTo(2);
    assertThatThrownBy(() -> use(later, "ehr-north", "fresh", NOW.plus(Duration.ofMinutes(9))))
        .isInstanceOf(AssertionReplayedException.class);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("an assertion id longer than 255 characters is refused and nothing is stored")
  void aTooLongAssertionIdIsRefused(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    assertThatThrownBy(() -> use(instance(CLOCK), "ehr-north", "x".repeat(256), NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("jti");
    assertThat(db.countRows("used_client_assertion")).isZero();
  }
}
