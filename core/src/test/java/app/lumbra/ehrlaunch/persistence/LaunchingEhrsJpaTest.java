package app.lumbra.ehrlaunch.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.lumbra.ehrlaunch.application.LaunchingEhrView;
import app.lumbra.ehrlaunch.application.LaunchingEhrs;
import app.lumbra.ehrlaunch.application.RegisterLaunchingEhr;
import app.lumbra.ehrlaunch.domain.ConfiguredEhr;
import app.lumbra.ehrlaunch.domain.ConfiguredEhrs;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * EHRs allowed to launch the portal: registered by an administrator beside the configured ones,
 * refused with the field named, and seen by every instance at once. Two services on two entity
 * managers of one database stand for two instances of a cluster.
 */
class LaunchingEhrsJpaTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
  private static final ConfiguredEhrs CONFIGURED =
      new ConfiguredEhrs(
          List.of(
              new ConfiguredEhr(
                  "epic", "https://epic.example/fhir", "lumbra-portal", "preferred_username")));

  private JpaTestDatabase db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private record Instance(EntityManager em, LaunchingEhrs ehrs) {}

  private Instance instance() {
    EntityManager em = db.entityManager();
    return new Instance(
        em, new LaunchingEhrs(new JpaLaunchingEhrRepository(em), CONFIGURED, CLOCK));
  }

  private <T> T on(Instance instance, Supplier<T> work) {
    return db.inTransaction(instance.em(), work);
  }

  private static RegisterLaunchingEhr ehr(String name, String issuer) {
    return new RegisterLaunchingEhr(name, issuer, "lumbra-at-" + name, "", "admin");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("an EHR registered on one instance launches on another, until it is removed")
  void anEhrRegisteredOnOneInstanceIsKnownToAnotherUntilRemoved(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    Instance first = instance();
    Instance second = instance();

    LaunchingEhrView registered =
        on(first, () -> first.ehrs().register(ehr("cerner", "https://cerner.example/r4/")));

    assertThat(registered.issuer()).isEqualTo("https://cerner.example/r4");
    assertThat(registered.userClaim()).isEqualTo("preferred_username");
    assertThat(on(second, () -> second.ehrs().forIssuer("https://cerner.example/r4/")))
        .hasValueSatisfying(ehr -> assertThat(ehr.clientId()).isEqualTo("lumbra-at-cerner"));
    assertThat(on(second, () -> second.ehrs().list()))
        .extracting(LaunchingEhrView::name, LaunchingEhrView::fromConfiguration)
        .containsExactly(tuple("epic", true), tuple("cerner", false));

    on(second, () -> second.ehrs().remove("cerner"));

    assertThat(on(first, () -> first.ehrs().forIssuer("https://cerner.example/r4"))).isEmpty();
    assertThat(db.countRows("launching_ehr")).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("an issuer another EHR launches with is refused, configured or registered")
  void aDuplicateIssuerIsRefusedAndNothingIsStored(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    Instance instance = instance();
    on(instance, () -> instance.ehrs().register(ehr("cerner", "https://cerner.example/r4")));

    assertThatThrownBy(
            () ->
                on(
                    instance,
                    () -> instance.ehrs().register(ehr("other", "https://epic.example/fhir/"))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> {
              assertThat(refused.field()).isEqualTo("issuer");
              assertThat(refused.allowed()).contains("epic").contains("from configuration");
            });
    assertThatThrownBy(
            () ->
                on(
                    instance,
                    () -> instance.ehrs().register(ehr("again", "https://cerner.example/r4"))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> assertThat(refused.field()).isEqualTo("issuer"));
    assertThatThrownBy(
            () ->
                on(
                    instance,
                    () -> instance.ehrs().register(ehr("EPIC", "https://new.example/fhir"))))
        .isInstanceOfSatisfying(
            InvalidValueException.class, refused -> assertThat(refused.field()).isEqualTo("name"));
    assertThat(db.countRows("launching_ehr")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("an issuer the launch may not follow is refused naming the issuer, nothing stored")
  void anIssuerTheLaunchMayNotFollowIsRefused(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    Instance instance = instance();

    for (String issuer :
        List.of(
            "http://ehr.example/fhir",
            "ftp://ehr.example/fhir",
            "ehr.example/fhir",
            "https://ehr.example/fhir?x=1",
            "")) {
      assertThatThrownBy(() -> on(instance, () -> instance.ehrs().register(ehr("bad", issuer))))
          .as(issuer)
          .isInstanceOfSatisfying(
              InvalidValueException.class,
              refused -> {
                assertThat(refused.field()).isEqualTo("issuer");
                assertThat(refused.allowed()).contains("https://").contains("http://localhost");
              });
    }
    assertThatThrownBy(
            () ->
                on(
                    instance,
                    () ->
                        instance
                            .ehrs()
                            .register(
                                new RegisterLaunchingEhr(
                                    "ok", "https://ok.example/fhir", " ", "", "admin"))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> assertThat(refused.field()).isEqualTo("clientId"));
    assertThat(db.countRows("launching_ehr")).isZero();

    // A test EHR on this machine may use plain http.
    assertThat(
            on(instance, () -> instance.ehrs().register(ehr("local", "http://127.0.0.1:8099/fhir")))
                .issuer())
        .isEqualTo("http://127.0.0.1:8099/fhir");
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  @DisplayName("an EHR from configuration cannot be removed in the admin pages")
  void aConfiguredEhrCannotBeRemoved(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    Instance instance = instance();

    assertThatThrownBy(() -> on(instance, () -> instance.ehrs().remove("epic")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("configuration");
    assertThatThrownBy(() -> on(instance, () -> instance.ehrs().remove("nobody")))
        .isInstanceOf(NotFoundException.class);
    assertThat(on(instance, () -> instance.ehrs().forIssuer("https://epic.example/fhir")))
        .isPresent();
  }
}
