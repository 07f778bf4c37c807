package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.terminology.ExtensionDefinitions;
import app.lumbra.fhir.terminology.StructureDefinitionResourceProvider;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.session.domain.SessionStatus;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** FHIR-7: every project extension the mappers emit is defined and served. */
class ExtensionDefinitionsTest {

  private final StructureDefinitionResourceProvider provider =
      new StructureDefinitionResourceProvider();

  @Test
  void everyExtensionUrlTheMappersEmitHasAStructureDefinition() {
    Set<String> emitted = new TreeSet<>();
    everyEmittedResource().forEach(resource -> collectProjectExtensions(resource, emitted));
    Set<String> defined = new TreeSet<>();
    ExtensionDefinitions.structureDefinitions().forEach(sd -> defined.add(sd.getUrl()));

    assertThat(emitted).isNotEmpty();
    assertThat(defined).containsAll(emitted);
  }

  @Test
  void everyNamedExtensionHasExactlyOneDefinition() {
    assertThat(ExtensionDefinitions.all())
        .extracting(ExtensionDefinitions.Definition::name)
        .containsExactlyElementsOf(Terminology.extensionNames());
  }

  @Test
  void aDefinitionIsReadByItsNameAndFoundByItsUrl() {
    StructureDefinition read = provider.read(new IdType("StructureDefinition", "reading-context"));
    List<StructureDefinition> found =
        provider.search(new UriParam(Terminology.extension("reading-context")));

    assertThat(read.getUrl()).isEqualTo(Terminology.extension("reading-context"));
    assertThat(read.getContextFirstRep().getExpression()).isEqualTo("Observation");
    assertThat(found).extracting(StructureDefinition::getId).containsExactly("reading-context");
    assertThat(provider.search(null)).hasSameSizeAs(Terminology.extensionNames());
  }

  @Test
  void anUnknownDefinitionIsNotFound() {
    assertThatThrownBy(() -> provider.read(new IdType("StructureDefinition", "us-core-patient")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static Stream<Resource> everyEmittedResource() {
    Stream<Resource> fixed =
        Stream.of(
            PatientFhirMapper.toFhir(FhirViews.patient()),
            ConditionFhirMapper.toFhir(FhirViews.chronicWithHerniation()),
            ConditionFhirMapper.toFhir(FhirViews.resolvedWithEveryStructuralCause()),
            ObservationFhirMapper.toFhir(FhirViews.prePainOfSession()),
            ProcedureFhirMapper.toFhir(FhirViews.attendedSession()),
            ProcedureFhirMapper.toFhir(FhirViews.sessionNotDone(SessionStatus.MISSED)),
            CarePlanFhirMapper.toFhir(FhirViews.activePlan()),
            CarePlanFhirMapper.toFhir(FhirViews.planWithEveryPhaseKind()),
            GoalFhirMapper.toFhir(FhirViews.goalView()));
    return Stream.concat(
        fixed, FhirViews.everyMeasure().stream().map(ObservationFhirMapper::toFhir));
  }

  /** Project extension URLs anywhere in the element tree (sub-extensions have bare names). */
  private static void collectProjectExtensions(Base element, Set<String> urls) {
    if (element instanceof Extension extension
        && extension.getUrl().startsWith(Terminology.EXTENSION_BASE)) {
      urls.add(extension.getUrl());
    }
    element.children().stream()
        .flatMap(property -> property.getValues().stream())
        .forEach(child -> collectProjectExtensions(child, urls));
  }
}
