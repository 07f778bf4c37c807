package app.lumbra.fhir.terminology;

import app.lumbra.safety.domain.RedFlagItem;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;

/**
 * Publishes Lumbra's own code systems as CodeSystem resources, each generated from where its codes
 * live so it never drifts: the project codes ({@link Terminology#LUMBRA}), the product rules that
 * alerts carry as {@code DetectedIssue.code} ({@link #RULE_SYSTEM}, from docs/RULES.md), and the
 * items of the red-flag screen ({@link #RED_FLAG_SYSTEM}). Read by id; search by {@code url}.
 */
@ApplicationScoped
public class CodeSystemResourceProvider implements IResourceProvider {

  /** The product rules by id (PLAN-3, SAFE-2, …). */
  public static final String RULE_SYSTEM = "https://lumbra.app/fhir/CodeSystem/lumbra-rule";

  /** The red-flag screen (SAFE-1): its panel code and one code per item. */
  public static final String RED_FLAG_SYSTEM = "https://lumbra.app/fhir/CodeSystem/lumbra-red-flag";

  /** The code of the red-flag screen panel itself. */
  public static final String RED_FLAG_PANEL = "red-flag-screen";

  @Override
  public Class<CodeSystem> getResourceType() {
    return CodeSystem.class;
  }

  @Read
  public CodeSystem read(@IdParam IdType id) {
    return published().stream()
        .filter(system -> system.getIdElement().getIdPart().equals(id.getIdPart()))
        .findFirst()
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) UriParam url) {
    return published().stream()
        .filter(system -> url == null || system.getUrl().equals(url.getValue()))
        .toList();
  }

  /** Every code system Lumbra publishes. */
  public static List<CodeSystem> published() {
    return List.of(lumbra(), rules(), redFlags());
  }

  /** The product rules, from docs/RULES.md: id, title and the rule's own sentence. */
  public static CodeSystem rules() {
    CodeSystem system =
        complete(
            "lumbra-rule",
            RULE_SYSTEM,
            "LumbraRules",
            "Lumbra product rules",
            "The rules Lumbra applies when clinicians plan and record massage therapy for"
                + " low-back pain and when EHRs exchange data with it. Alerts read as"
                + " DetectedIssue carry the rule they come from as their code; OperationOutcomes"
                + " name it at the start of their diagnostics.");
    RuleCatalogue.all()
        .values()
        .forEach(
            rule ->
                system
                    .addConcept()
                    .setCode(rule.id())
                    .setDisplay(rule.title())
                    .setDefinition(RuleCatalogue.plain(rule.statement())));
    return system.setCount(system.getConcept().size());
  }

  /** The red-flag screen's panel and items (SAFE-1), from the domain's list of items. */
  public static CodeSystem redFlags() {
    CodeSystem system =
        complete(
            "lumbra-red-flag",
            RED_FLAG_SYSTEM,
            "LumbraRedFlags",
            "Lumbra red-flag screen",
            "The screen for serious spinal pathology before the first session and at each"
                + " reassessment, exchanged as an Observation panel: the panel code, and one"
                + " component per item with valueBoolean true when the item is present.");
    system
        .addConcept()
        .setCode(RED_FLAG_PANEL)
        .setDisplay("Red-flag screen for serious spinal pathology");
    for (RedFlagItem item : RedFlagItem.values()) {
      system.addConcept().setCode(item.name()).setDisplay(item.display());
    }
    return system.setCount(system.getConcept().size());
  }

  private static CodeSystem complete(
      String id, String url, String name, String title, String description) {
    CodeSystem system = new CodeSystem();
    system.setId(id);
    system.setUrl(url);
    system.setName(name);
    system.setTitle(title);
    system.setStatus(PublicationStatus.ACTIVE);
    system.setExperimental(false);
    system.setDescription(description);
    system.setCaseSensitive(true);
    system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    return system;
  }

  /** The project code system, generated from {@link Terminology} so it never drifts. */
  public static CodeSystem lumbra() {
    CodeSystem system = new CodeSystem();
    system.setId(Terminology.LUMBRA_CODE_SYSTEM_ID);
    system.setUrl(Terminology.LUMBRA);
    system.setName("Lumbra");
    system.setTitle("Lumbra codes for massage therapy in low-back-pain care");
    system.setStatus(PublicationStatus.ACTIVE);
    system.setExperimental(false);
    system.setDescription(
        "Codes Lumbra uses where no verified LOINC or SNOMED CT code exists: measures without"
            + " one (stiffness, Roland-Morris, daily-activity difficulty), reading contexts and"
            + " sources, techniques, target regions, plan phases, home-care kinds and patient"
            + " factors. Extensions: "
            + Terminology.EXTENSION_BASE
            + "{"
            + String.join(", ", Terminology.extensionNames())
            + "}.");
    system.setCaseSensitive(true);
    system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    Map<String, String> concepts = Terminology.lumbraConcepts();
    concepts.forEach((code, display) -> system.addConcept().setCode(code).setDisplay(display));
    system.setCount(concepts.size());
    return system;
  }
}
