package app.lumbra.fhir.terminology;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;

/** Publishes the project code system {@link Terminology#LUMBRA} as a CodeSystem resource. */
@ApplicationScoped
public class CodeSystemResourceProvider implements IResourceProvider {

  @Override
  public Class<CodeSystem> getResourceType() {
    return CodeSystem.class;
  }

  @Read
  public CodeSystem read(@IdParam IdType id) {
    if (!Terminology.LUMBRA_CODE_SYSTEM_ID.equals(id.getIdPart())) {
      throw new ResourceNotFoundException(id);
    }
    return lumbra();
  }

  @Search
  public List<CodeSystem> all() {
    return List.of(lumbra());
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
