package app.lumbra.fhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.alert.application.AlertView;
import app.lumbra.fhir.alert.DetectedIssueFhirMapper;
import app.lumbra.fhir.validation.UsCoreValidator;
import app.lumbra.safety.domain.AlertKind;
import app.lumbra.safety.domain.RedFlagItem;
import ca.uhn.fhir.rest.param.UriParam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lumbra's own code systems, served at /fhir/CodeSystem, say exactly what its resources carry. */
class CodeSystemResourceProviderTest {

  private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z]+-\\d+)\"></a>");

  @Test
  void everyRuleOfTheRulesDocumentIsAConceptWithItsTitleAndPlainWording() throws IOException {
    List<String> documented =
        ANCHOR
            .matcher(Files.readString(Path.of("..", "docs", "RULES.md")))
            .results()
            .map(match -> match.group(1).toUpperCase(Locale.ROOT))
            .toList();

    CodeSystem rules = CodeSystemResourceProvider.rules();

    assertThat(documented).hasSizeGreaterThan(40);
    assertThat(rules.getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .containsExactlyElementsOf(documented);
    CodeSystem.ConceptDefinitionComponent plan3 =
        rules.getConcept().stream().filter(c -> c.getCode().equals("PLAN-3")).findFirst().get();
    assertThat(plan3.getDisplay()).isEqualTo("Initial phase frequency");
    assertThat(plan3.getDefinition())
        .startsWith("The recommended range for the initial phase is 1–3 sessions a week")
        .doesNotContain("*")
        .doesNotContain("`");
    assertThat(rules.getCount()).isEqualTo(documented.size());
  }

  @Test
  void theRedFlagScreenHasItsPanelAndEveryItem() {
    CodeSystem screen = CodeSystemResourceProvider.redFlags();

    assertThat(screen.getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
        .startsWith(CodeSystemResourceProvider.RED_FLAG_PANEL)
        .containsAll(Arrays.stream(RedFlagItem.values()).map(Enum::name).toList())
        .hasSize(RedFlagItem.values().length + 1);
  }

  /** Every rule an alert can come from is a code a partner's validator finds. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "PROG-3", "PROG-4", "PROG-5", "PROG-6", "PROG-7", "ADH-2", "SAFE-1", "SAFE-2", "SAFE-3",
        "OUT-2", "OUT-3", "OUT-4", "OUT-5"
      })
  void anAlertOfEachRuleValidatesAgainstTheRuleCodeSystem(String ruleId) {
    DetectedIssue issue = DetectedIssueFhirMapper.toFhir(alert(ruleId));

    assertThat(issue.getCode().getCodingFirstRep().getDisplay()).isNotEqualTo(ruleId);
    assertThat(UsCoreValidator.get().errors(issue)).isEmpty();
  }

  @Test
  void aRuleTheDocumentDoesNotHaveIsAnErrorForAPartnersValidator() {
    DetectedIssue issue = DetectedIssueFhirMapper.toFhir(alert("PLAN-99"));

    assertThat(UsCoreValidator.get().errors(issue)).isNotEmpty();
  }

  @Test
  void searchByUrlFindsOneSystemAndReadFindsItById() {
    CodeSystemResourceProvider provider = new CodeSystemResourceProvider();

    assertThat(provider.search(new UriParam(CodeSystemResourceProvider.RULE_SYSTEM)))
        .singleElement()
        .extracting(CodeSystem::getUrl)
        .isEqualTo(CodeSystemResourceProvider.RULE_SYSTEM);
    assertThat(provider.search(null)).hasSize(3);
    assertThat(provider.read(new IdType("CodeSystem", "lumbra-red-flag")).getUrl())
        .isEqualTo(CodeSystemResourceProvider.RED_FLAG_SYSTEM);
  }

  private static AlertView alert(String ruleId) {
    OffsetDateTime raised = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");
    return new AlertView(
        "alert-0123456789abcdef0123456789abcdef",
        "patient-1",
        "plan-1",
        ruleId,
        AlertKind.REVIEW,
        "Review the plan",
        "Pain has not changed for four weeks.",
        "plan:plan-1",
        raised,
        true,
        null,
        null,
        null);
  }
}
