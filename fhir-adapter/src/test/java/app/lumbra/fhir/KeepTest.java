package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.support.Keep;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.NothingDropped;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.patient.application.PatientView;
import app.lumbra.shared.RuleViolationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Set;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** FHIR-1 "keep" on US Core's published example Patient: accepted, kept, given back. */
class KeepTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00Z");

  static Patient usCoreExample() throws IOException {
    Path file =
        Path.of(System.getProperty("lumbra.us-core.dir"), "examples", "patient-example.json");
    return LumbraFhirContext.r4()
        .newJsonParser()
        .parseResource(Patient.class, Files.readString(file));
  }

  /** What the domain makes of a sent patient, as the projection after a write of version n. */
  private static PatientView stored(Patient sent, long version, String family) {
    var data = PatientFhirMapper.toDomain(sent);
    return new PatientView(
        "example",
        version,
        data.identifiers(),
        family,
        data.givenNames(),
        data.birthDate(),
        data.gender(),
        NOW,
        NOW.plusDays(version));
  }

  @Test
  void fhir1TheUnionOfAUsCorePatientAndItsProjectionLosesNothingSent() throws IOException {
    Patient sent = usCoreExample();
    Patient projection = PatientFhirMapper.toFhir(stored(sent, 1, "Shaw"));

    assertThat(Keep.needed(sent, projection)).isTrue();
    Patient kept = Keep.union(sent, projection, Set.of());

    assertThat(NothingDropped.dropped(sent, kept)).isEmpty();
    assertThat(kept.getMeta().getVersionId()).isEqualTo("1");
    assertThat(kept.getMeta().getProfile()).hasSameSizeAs(sent.getMeta().getProfile());
    assertThat(kept.getText().getDiv().toString()).isEqualTo(sent.getText().getDiv().toString());
    assertThat(kept.getExtensionByUrl(Terminology.extension(Extensions.REGISTERED_AT))).isNotNull();
  }

  @Test
  void fhir1AReadOfAnUnchangedRecordGivesBackEverythingSent() throws IOException {
    Patient sent = usCoreExample();
    Patient projection = PatientFhirMapper.toFhir(stored(sent, 1, "Shaw"));
    Patient kept = Keep.union(sent, projection, Set.of());

    Patient read = Keep.overlay(kept, projection, PatientFhirMapper.OWNED);

    assertThat(NothingDropped.dropped(sent, read)).isEmpty();
  }

  @Test
  void fhir1APortalEditChangesWhatTheDomainOwnsAndKeepsTheRest() throws IOException {
    Patient sent = usCoreExample();
    Patient kept = Keep.union(sent, PatientFhirMapper.toFhir(stored(sent, 1, "Shaw")), Set.of());

    Patient edited = PatientFhirMapper.toFhir(stored(sent, 2, "Shaw-Okafor"));
    Patient read = Keep.overlay(kept, edited, PatientFhirMapper.OWNED);

    assertThat(read.getMeta().getVersionId()).isEqualTo("2");
    assertThat(read.getName()).hasSize(1);
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Shaw-Okafor");
    // What the portal does not show is still there, as sent.
    assertThat(read.getTelecom()).hasSameSizeAs(sent.getTelecom());
    assertThat(read.getAddress()).hasSameSizeAs(sent.getAddress());
    assertThat(read.getIdentifier()).hasSameSizeAs(sent.getIdentifier());
    for (Extension extension : sent.getExtension()) {
      assertThat(read.getExtensionByUrl(extension.getUrl())).isNotNull();
    }
    assertThat(NothingDropped.dropped(sent, read))
        .allMatch(path -> path.startsWith("Patient.name"));
  }

  @Test
  void fhir1AnElementTheDomainClearedIsGoneFromTheRead() throws IOException {
    Patient sent = usCoreExample();
    Patient kept = Keep.union(sent, PatientFhirMapper.toFhir(stored(sent, 1, "Shaw")), Set.of());
    Patient cleared = PatientFhirMapper.toFhir(stored(sent, 2, "Shaw"));
    cleared.setGender(null);

    assertThat(Keep.overlay(kept, cleared, PatientFhirMapper.OWNED).hasGender()).isFalse();
  }

  @Test
  void fhir1APartnerSendingOnlyWhatLumbraModelsNeedsNoKeptDocument() {
    Patient projection = PatientFhirMapper.toFhir(FhirViews.patient());
    Patient sent = projection.copy();
    sent.setMeta(null);

    assertThat(Keep.needed(sent, projection)).isFalse();
  }

  @Test
  void fhir1AnUnknownModifierExtensionIsRefusedNamingItsPath() {
    Observation observation = new Observation();
    observation.addComponent().addModifierExtension(new Extension("urn:ehr:negated"));

    assertThatThrownBy(() -> MustUnderstand.check(observation))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("Observation.component[0].modifierExtension('urn:ehr:negated')");
  }

  @Test
  void fhir1ImplicitRulesAreRefusedAnywhereEvenInAContainedResource() {
    Patient patient = new Patient();
    Observation contained = new Observation();
    contained.setId("obs");
    contained.setImplicitRules("urn:ehr:local-rules");
    patient.addContained(contained);

    assertThatThrownBy(() -> MustUnderstand.check(patient))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("Patient.contained[0].implicitRules");
  }

  @Test
  void fhir1OrdinaryExtensionsOfAnyUrlAreNotRefused() throws IOException {
    Patient sent = usCoreExample();
    sent.addExtension(new Extension("urn:ehr:anything", new StringType("x")));

    MustUnderstand.check(sent);
  }
}
