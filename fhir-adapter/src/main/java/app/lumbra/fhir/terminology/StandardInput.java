package app.lumbra.fhir.terminology;

import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * FHIR-6: how Lumbra understands standard input without its own extensions, in one table. Each row
 * names the FHIR element, what it is recognised by, what Lumbra derives, and the source.
 *
 * <table>
 *   <caption>Derivation rules</caption>
 *   <tr><th>Element</th><th>Recognised by</th><th>Lumbra derives</th><th>Source</th></tr>
 *   <tr><td>Condition.code</td><td>SNOMED CT 279039007; ICD-10-CM M54.5, M54.50, M54.51,
 *       M54.59, M54.4x (among any other codings)</td><td>low-back pain</td><td>PRODUCT.md 6;
 *       ICD-10-CM 2025 (M54.5 was split into M54.50–M54.59 in FY2022)</td></tr>
 *   <tr><td>Condition.code</td><td>ICD-10-CM M54.4x (lumbago with sciatica), M54.1x
 *       (radiculopathy)</td><td>nerve involvement (PLAN-11), leg pain</td><td>ICD-10-CM
 *       2025</td></tr>
 *   <tr><td>Condition.code, .evidence.code</td><td>ICD-10-CM M51.x (thoracic and lumbar disc
 *       disorders); M48.0x (spinal stenosis); M54.1x (radiculopathy); SNOMED CT 23056005
 *       (sciatica)</td><td>structural cause (PLAN-11)</td><td>ICD-10-CM 2025; PRODUCT.md 6</td></tr>
 *   <tr><td>Condition.severity</td><td>SNOMED CT 255604002 mild, 6736007 moderate, 24484000
 *       severe (the FHIR condition-severity value set)</td><td>severity</td><td>FHIR R4
 *       ValueSet condition-severity</td></tr>
 *   <tr><td>Condition.onset[x]</td><td>onsetDateTime, onsetPeriod.start, onsetAge</td><td>onset
 *       type: acute under 6 weeks, subacute 6–12, chronic over 12, as of the recorded date</td>
 *       <td>PRODUCT.md PLAN-3; NICE NG59</td></tr>
 *   <tr><td>Observation.value[x]</td><td>valueInteger or valueQuantity (UCUM {score}, 1 or
 *       none)</td><td>the score</td><td>US Core screening-assessment</td></tr>
 *   <tr><td>CarePlan.activity.detail.code, Procedure.code</td><td>SNOMED CT 387854002</td>
 *       <td>massage</td><td>PRODUCT.md 6</td></tr>
 *   <tr><td>Procedure.bodySite</td><td>SNOMED CT 1141985005 lumbar region, 29836001 hip
 *       region, 46862004 buttock, 38266002 entire body (any other site is kept as sent)</td>
 *       <td>target region (PLAN-7)</td><td>HL7 body-site value sets</td></tr>
 *   <tr><td>CarePlan without Lumbra's patient factors (a referral)</td><td>a massage
 *       activity with scheduledTiming (frequency per wk, or per d in whole weeks)</td><td>phase
 *       kinds by position (first INITIAL, last of several MAINTENANCE, between TAPER); onset,
 *       pain and severity from the addressed Condition; price, days, time and session length
 *       from the clinic's defaults (lumbra.referral.*); techniques myofascial release and
 *       kneading; region the lower back</td><td>PRODUCT.md PLAN-2, PLAN-13; Lumbra's
 *       defaults, listed in the answer's OperationOutcome</td></tr>
 * </table>
 */
public final class StandardInput {

  /** ICD-10-CM codes of low-back pain; M54.4x is lumbago with sciatica. */
  private static final List<String> ICD_LOW_BACK_PAIN =
      List.of("M54.5", "M54.50", "M54.51", "M54.59");

  private StandardInput() {}

  /** Whether the concept says low-back pain, by any of its codings. */
  public static boolean isLowBackPain(CodeableConcept code) {
    return Terminology.has(code, Terminology.SNOMED, Terminology.SNOMED_LOW_BACK_PAIN)
        || code.getCoding().stream()
            .anyMatch(
                c ->
                    Terminology.ICD10CM.equals(c.getSystem())
                        && c.getCode() != null
                        && (ICD_LOW_BACK_PAIN.contains(c.getCode())
                            || c.getCode().startsWith("M54.4")));
  }

  /** Massage: SNOMED CT 387854002, or Lumbra's own code, among any other codings. */
  public static boolean isMassage(CodeableConcept code) {
    return Terminology.has(code, Terminology.SNOMED, Terminology.SNOMED_MASSAGE)
        || Terminology.has(code, Terminology.LUMBRA, Terminology.MASSAGE_THERAPY);
  }

  /**
   * The target region a body site names by SNOMED CT ({@code type} is the careplan's or the
   * session's region enum, which share their constant names), if Lumbra has one for it.
   */
  public static <E extends Enum<E>> Optional<E> region(Class<E> type, CodeableConcept site) {
    for (Coding coding : site.getCoding()) {
      if (Terminology.SNOMED.equals(coding.getSystem()) && coding.getCode() != null) {
        String name =
            switch (coding.getCode()) {
              case Terminology.SNOMED_LUMBAR_REGION -> "LOWER_BACK";
              case Terminology.SNOMED_HIP_REGION -> "HIPS";
              case Terminology.SNOMED_BUTTOCK -> "GLUTES";
              case Terminology.SNOMED_ENTIRE_BODY -> "FULL_BODY";
              default -> null;
            };
        if (name != null) {
          return Optional.of(Enum.valueOf(type, name));
        }
      }
    }
    return Optional.empty();
  }

  /** The structural cause a coding names (PLAN-11), by ICD-10-CM or SNOMED CT. */
  public static Optional<StructuralCause> structuralCause(Coding coding) {
    String code = coding.getCode();
    if (code == null) {
      return Optional.empty();
    }
    if (Terminology.ICD10CM.equals(coding.getSystem())) {
      if (code.startsWith("M51.")) {
        return Optional.of(StructuralCause.DISC_HERNIATION);
      }
      if (code.startsWith("M48.0")) {
        return Optional.of(StructuralCause.SPINAL_STENOSIS);
      }
      if (code.startsWith("M54.1") || code.startsWith("M54.4")) {
        return Optional.of(StructuralCause.NERVE_INVOLVEMENT);
      }
    }
    if (Terminology.SNOMED.equals(coding.getSystem()) && Terminology.SNOMED_SCIATICA.equals(code)) {
      return Optional.of(StructuralCause.NERVE_INVOLVEMENT);
    }
    return Optional.empty();
  }

  /** The structural causes any coding of the concept names. */
  public static List<StructuralCause> structuralCauses(CodeableConcept concept) {
    return concept.getCoding().stream()
        .map(StandardInput::structuralCause)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  /** Severity by the FHIR condition-severity value set (SNOMED CT). */
  public static Optional<SeverityCategory> severity(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (Terminology.SNOMED.equals(coding.getSystem()) && coding.getCode() != null) {
        switch (coding.getCode()) {
          case "255604002":
            return Optional.of(SeverityCategory.MILD);
          case "6736007":
            return Optional.of(SeverityCategory.MODERATE);
          case "24484000":
            return Optional.of(SeverityCategory.SEVERE);
          default:
            break;
        }
      }
    }
    return Optional.empty();
  }
}
