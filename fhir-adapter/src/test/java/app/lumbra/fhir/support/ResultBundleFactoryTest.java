package app.lumbra.fhir.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Lumbra's Bundle factory builds exactly the Bundles HAPI's R4 factory builds. */
class ResultBundleFactoryTest {

  private static final FhirContext FHIR = LumbraFhirContext.r4();
  private static final String BASE = "https://lumbra.example/fhir";

  @Test
  void theServerContextBuildsBundlesWithLumbrasFactory() {
    assertThat(FHIR.newBundleFactory()).isInstanceOf(ResultBundleFactory.class);
  }

  @Test
  void aSearchPageWithAnIncludeIsTheBundleHapiBuilds() {
    assertSameAsHapi(BundleTypeEnum.SEARCHSET, searchPage());
  }

  @Test
  void aHistoryPageWithCreatesUpdatesAndADeleteIsTheBundleHapiBuilds() {
    List<IBaseResource> versions = new ArrayList<>();
    versions.add(observation("a", "1", BundleEntryTransactionMethodEnum.POST));
    versions.add(observation("a", "2", BundleEntryTransactionMethodEnum.PUT));
    versions.add(observation("b", "3", BundleEntryTransactionMethodEnum.DELETE));
    versions.add(new Patient().setId("Patient/p/_history/4"));
    assertSameAsHapi(BundleTypeEnum.HISTORY, versions);
  }

  @Test
  void aResourceReferringToAContainedOneIsLeftToHapi() {
    Observation observation = observation("c", "1", null);
    CarePlan contained = new CarePlan();
    contained.setId("#plan");
    observation.getContained().add(contained);
    observation.addBasedOn(new Reference(contained));
    assertSameAsHapi(BundleTypeEnum.SEARCHSET, List.of(observation));
  }

  @Test
  void aReferenceCarryingAResourceStillAddsItWhenTheResourceHasContainedOnes() {
    Observation observation = observation("d", "1", null);
    observation.getContained().add(new CarePlan().setId("#other"));
    observation.setSubject(new Reference(new Patient().setId("Patient/p")));
    assertSameAsHapi(BundleTypeEnum.SEARCHSET, List.of(observation));
  }

  private static List<IBaseResource> searchPage() {
    List<IBaseResource> page = new ArrayList<>();
    page.add(observation("x", "1", null));
    Observation scored = observation("y", "1", null);
    ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.put(scored, new BigDecimal("0.5"));
    page.add(scored);
    CarePlan plan = new CarePlan();
    plan.setIdElement(new IdType("CarePlan", "plan-1", "2"));
    ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(plan, BundleEntrySearchModeEnum.INCLUDE);
    page.add(plan);
    return page;
  }

  private static Observation observation(
      String id, String version, BundleEntryTransactionMethodEnum method) {
    Observation observation = new Observation();
    observation.setIdElement(new IdType("Observation", id, version));
    observation.setSubject(new Reference("Patient/p"));
    observation.addBasedOn(new Reference("CarePlan/plan-1"));
    if (method != null) {
      ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(observation, method);
    }
    return observation;
  }

  private static void assertSameAsHapi(BundleTypeEnum type, List<IBaseResource> resources) {
    String hapi = encode(new R4BundleFactory(FHIR), type, resources);
    String lumbra = encode(FHIR.newBundleFactory(), type, resources);
    assertThat(lumbra).isEqualTo(hapi);
  }

  private static String encode(
      IVersionSpecificBundleFactory factory, BundleTypeEnum type, List<IBaseResource> resources) {
    BundleLinks links = new BundleLinks(BASE, Set.of(), false, type);
    links.setSelf(BASE + "/Observation?_count=2");
    links.setNext(BASE + "/Observation?_count=2&_offset=2");
    factory.addRootPropertiesToBundle("bundle-id", links, 42, null);
    factory.addResourcesToBundle(new ArrayList<>(resources), type, BASE, null, Set.of());
    return FHIR.newJsonParser().encodeResourceToString(factory.getResourceBundle());
  }
}
