package app.lumbra.fhir.terminology;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * FHIR-7: serves the definition of every project extension at {@code
 * /fhir/StructureDefinition/{name}}, so that a partner's validator can resolve each extension URL
 * Lumbra emits (the URL is {@link Terminology#EXTENSION_BASE} + the same name).
 */
@ApplicationScoped
public class StructureDefinitionResourceProvider implements IResourceProvider {

  @Override
  public Class<StructureDefinition> getResourceType() {
    return StructureDefinition.class;
  }

  @Read
  public StructureDefinition read(@IdParam IdType id) {
    return ExtensionDefinitions.structureDefinition(id.getIdPart())
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /** All definitions, or the one whose canonical {@code url} is asked for. */
  @Search
  public List<StructureDefinition> search(
      @OptionalParam(name = StructureDefinition.SP_URL) UriParam url) {
    return ExtensionDefinitions.structureDefinitions().stream()
        .filter(sd -> url == null || url.getValue() == null || url.getValue().equals(sd.getUrl()))
        .toList();
  }
}
