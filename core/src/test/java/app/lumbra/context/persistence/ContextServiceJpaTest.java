package app.lumbra.context.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.context.application.ContextService;
import app.lumbra.context.application.ContextView;
import app.lumbra.context.application.KeepContext;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.context.domain.ContextCriteria.TokenMatch;
import app.lumbra.context.domain.SearchToken;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The patient's clinical context (FHIR-1, FHIR-9): kept whole, versioned, and searched by patient,
 * codes, status and dates with indexed queries, on H2 and (when configured) PostgreSQL.
 */
class ContextServiceJpaTest {

  private static final OffsetDateTime MONDAY =
      OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final String LOINC = "http://loinc.org";
  private static final String CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private JpaTestDatabase db;
  private EntityManager em;
  private ContextService context;

  private void start(JpaTestDatabase.Kind kind) {
    db = JpaTestDatabase.start(kind);
    em = db.entityManager();
    context =
        new ContextService(
            new JpaContextRecords(em), Clock.fixed(MONDAY.toInstant(), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private ContextView keep(
      String id, String patient, String code, OffsetDateTime at, Long ifMatch) {
    return db.inTransaction(
        em,
        () ->
            context.keep(
                new KeepContext(
                    "Observation",
                    id,
                    patient,
                    "final",
                    at,
                    List.of(
                        SearchToken.of("category", CATEGORY, "vital-signs"),
                        SearchToken.of("code", LOINC, code)),
                    (version, when) -> "{\"id\":\"" + id + "\",\"v\":" + version + "}"),
                ifMatch));
  }

  private long count(ContextCriteria criteria) {
    return db.inTransaction(em, () -> context.search(criteria, 0, 10)).total();
  }

  private static ContextCriteria of(String patient, Map<String, List<TokenMatch>> tokens) {
    return new ContextCriteria(
        "Observation", patient, tokens, Set.of(), null, null, null, null, false);
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void fhir9ContextIsFoundByPatientCategoryCodeAndDateAndOnlyWhatMatches(
      JpaTestDatabase.Kind kind) {
    start(kind);
    keep("t1", "p1", "8310-5", MONDAY, null);
    keep("w1", "p1", "29463-7", MONDAY.plusDays(2), null);
    keep("t2", "p2", "8310-5", MONDAY, null);

    assertThat(count(of("p1", Map.of()))).isEqualTo(2);
    assertThat(count(of("p1", Map.of("code", List.of(new TokenMatch(LOINC, "8310-5"))))))
        .isEqualTo(1);
    assertThat(count(of("p1", Map.of("code", List.of(new TokenMatch(null, "29463-7"))))))
        .isEqualTo(1);
    assertThat(count(of("p1", Map.of("code", List.of(new TokenMatch("urn:other", "8310-5"))))))
        .isZero();
    assertThat(
            count(
                of(
                    "p1",
                    Map.of(
                        "category",
                        List.of(new TokenMatch(CATEGORY, "vital-signs")),
                        "code",
                        List.of(new TokenMatch(LOINC, "8310-5"), new TokenMatch(LOINC, "x"))))))
        .isEqualTo(1);
    ContextCriteria afterMonday =
        new ContextCriteria(
            "Observation", "p1", Map.of(), Set.of(), MONDAY.plusDays(1), null, null, null, false);
    assertThat(count(afterMonday)).isEqualTo(1);
    ContextCriteria amended =
        new ContextCriteria(
            "Observation", "p1", Map.of(), Set.of("amended"), null, null, null, null, false);
    assertThat(count(amended)).isZero();
  }

  @ParameterizedTest
  @EnumSource(JpaTestDatabase.Kind.class)
  void fhir2ANewVersionSupersedesTheOldOneWhichStaysReadable(JpaTestDatabase.Kind kind) {
    start(kind);
    keep("t1", "p1", "8310-5", MONDAY, null);
    ContextView second = keep("t1", "p1", "8867-4", MONDAY, 1L);

    assertThat(second.version()).isEqualTo(2);
    assertThat(count(of("p1", Map.of()))).isEqualTo(1);
    assertThat(count(of("p1", Map.of("code", List.of(new TokenMatch(LOINC, "8310-5")))))).isZero();
    assertThat(db.inTransaction(em, () -> context.version("Observation", "t1", 1)).document())
        .contains("\"v\":1");
    assertThat(db.inTransaction(em, () -> context.history("Observation", "t1")))
        .extracting(ContextView::version)
        .containsExactly(2L, 1L);
    assertThatThrownBy(() -> keep("t1", "p1", "8310-5", MONDAY, 1L))
        .isInstanceOf(VersionConflictException.class);
  }
}
