package app.lumbra.fhir.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class PopulatedTest {

  private static final FhirContext FHIR = LumbraFhirContext.r4();

  @Test
  void findsWhatHapisTerserFindsInEveryUsCoreExample() throws IOException {
    Path examples = Path.of(System.getProperty("lumbra.us-core.dir"), "examples");
    int compared = 0;
    try (Stream<Path> files = Files.list(examples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        IBaseResource resource = FHIR.newJsonParser().parseResource(Files.readString(file));
        same(file, resource, Reference.class);
        same(file, resource, BaseDateTimeType.class);
        // The terser does not look into a primitive's extensions: those are found here besides.
        assertThat(Populated.ofType(FHIR, resource, Extension.class))
            .as(file.getFileName() + ": Extension")
            .containsAll(expected(resource, Extension.class));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(200);
  }

  private static <T extends IBase> void same(Path file, IBaseResource resource, Class<T> type) {
    assertThat(Populated.ofType(FHIR, resource, type))
        .as(file.getFileName() + ": " + type.getSimpleName())
        .containsExactlyInAnyOrderElementsOf(expected(resource, type));
  }

  /**
   * What the terser finds, and in a Bundle what it finds in each entry's resource (it stops there).
   */
  private static <T extends IBase> List<T> expected(IBaseResource resource, Class<T> type) {
    List<T> expected =
        new ArrayList<>(FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, type));
    if (resource instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (entry.hasResource()) {
          expected.addAll(
              FHIR.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(), type));
        }
      }
    }
    return expected;
  }

  @Test
  void looksIntoAPrimitivesExtensionsAndIntoTheResourcesABundleCarries() {
    Observation observation = new Observation();
    DateTimeType effective = new DateTimeType("2026-10-25T09:00:00Z");
    DateTimeType noted = new DateTimeType("2026-10-25T09:05:00Z");
    effective.addExtension(new Extension("urn:ehr:noted", noted));
    observation.setEffective(effective);
    observation.setSubject(new Reference("Patient/p1"));
    Bundle bundle = new Bundle();
    bundle.addEntry().setResource(observation);

    assertThat(Populated.ofType(FHIR, bundle, BaseDateTimeType.class))
        .containsExactly(effective, noted);
    assertThat(Populated.ofType(FHIR, bundle, Reference.class))
        .containsExactly(observation.getSubject());
  }
}
