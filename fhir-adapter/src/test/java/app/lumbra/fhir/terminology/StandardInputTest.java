package app.lumbra.fhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** FHIR-6: the derivation table recognises standard codes among any others. */
class StandardInputTest {

  private static CodeableConcept concept(String system, String code) {
    return new CodeableConcept()
        .addCoding(new Coding("urn:ehr:local", "LBP-1", "Back pain"))
        .addCoding(new Coding(system, code, null));
  }

  @Test
  void fhir6LowBackPainIsRecognisedBySnomedOrIcd10CmAmongOtherCodings() {
    assertThat(StandardInput.isLowBackPain(concept(Terminology.SNOMED, "279039007"))).isTrue();
    for (String icd : new String[] {"M54.5", "M54.50", "M54.51", "M54.59", "M54.41", "M54.42"}) {
      assertThat(StandardInput.isLowBackPain(concept(Terminology.ICD10CM, icd))).as(icd).isTrue();
    }
    assertThat(StandardInput.isLowBackPain(concept(Terminology.ICD10CM, "M54.2"))).isFalse();
    assertThat(StandardInput.isLowBackPain(concept(Terminology.SNOMED, "M54.50"))).isFalse();
    assertThat(StandardInput.isLowBackPain(concept("urn:other", "279039007"))).isFalse();
  }

  @Test
  void plan11StructuralCausesAreRecognisedByCode() {
    assertThat(StandardInput.structuralCauses(concept(Terminology.ICD10CM, "M51.26")))
        .containsExactly(StructuralCause.DISC_HERNIATION);
    assertThat(StandardInput.structuralCauses(concept(Terminology.ICD10CM, "M48.061")))
        .containsExactly(StructuralCause.SPINAL_STENOSIS);
    assertThat(StandardInput.structuralCauses(concept(Terminology.ICD10CM, "M54.16")))
        .containsExactly(StructuralCause.NERVE_INVOLVEMENT);
    assertThat(StandardInput.structuralCauses(concept(Terminology.ICD10CM, "M54.41")))
        .containsExactly(StructuralCause.NERVE_INVOLVEMENT);
    assertThat(StandardInput.structuralCauses(concept(Terminology.ICD10CM, "M54.50"))).isEmpty();
  }

  @Test
  void fhir6SeverityIsReadFromTheConditionSeverityValueSet() {
    assertThat(StandardInput.severity(concept(Terminology.SNOMED, "24484000")))
        .contains(SeverityCategory.SEVERE);
    assertThat(StandardInput.severity(concept(Terminology.SNOMED, "6736007")))
        .contains(SeverityCategory.MODERATE);
    assertThat(StandardInput.severity(concept(Terminology.SNOMED, "255604002")))
        .contains(SeverityCategory.MILD);
    assertThat(StandardInput.severity(concept(Terminology.SNOMED, "1234"))).isEmpty();
  }

  @Test
  void fhir6MassageIsSnomed387854002OrLumbrasCode() {
    assertThat(StandardInput.isMassage(concept(Terminology.SNOMED, "387854002"))).isTrue();
    assertThat(StandardInput.isMassage(concept(Terminology.LUMBRA, Terminology.MASSAGE_THERAPY)))
        .isTrue();
    assertThat(StandardInput.isMassage(concept(Terminology.SNOMED, "229065009"))).isFalse();
  }
}
