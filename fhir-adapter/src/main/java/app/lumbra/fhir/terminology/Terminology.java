package app.lumbra.fhir.terminology;

import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.careplan.domain.HomeCareKind;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.careplan.domain.PlanChange;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Every code Lumbra emits or accepts over FHIR, in one place (FHIR-1, PRODUCT.md section 6).
 * Verified LOINC and SNOMED CT codes are used where the mapping table names them; everything else
 * belongs to the one project code system {@link #LUMBRA}, whose codes are derived from the domain's
 * enum constants (prefix per enum, e.g. {@code technique-deep-tissue}) and which is served as a
 * CodeSystem resource.
 *
 * <p>FHIR-7, standard output first: where a standard code exists (massage, body sites, severity,
 * low-back pain, leg-pain answers) it is the first coding and the project code follows. A reported
 * absence is never coded as the finding: shooting leg pain is asked with the project question code
 * and answered in the value ({@link #legPainAnswer}), so "Absent" is 2667000 Absent, not 23056005
 * Sciatica.
 */
public final class Terminology {

  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  public static final String CONDITION_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";
  public static final String CONDITION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/condition-category";
  public static final String GOAL_ACHIEVEMENT =
      "http://terminology.hl7.org/CodeSystem/goal-achievement";
  public static final String CAREPLAN_CATEGORY =
      "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";

  /** The one project code system for codes without a verified LOINC or SNOMED CT code. */
  public static final String LUMBRA = "https://lumbra.app/fhir/CodeSystem/lumbra";

  /** Id of the CodeSystem resource that publishes {@link #LUMBRA}. */
  public static final String LUMBRA_CODE_SYSTEM_ID = "lumbra";

  /** Base of the project's extension URLs. */
  public static final String EXTENSION_BASE = "https://lumbra.app/fhir/StructureDefinition/";

  // Verified codes (PRODUCT.md section 6).
  public static final String LOINC_PAIN = "72514-3";
  public static final String LOINC_OSWESTRY_TOTAL = "97909-6";
  public static final String SNOMED_LUMBAR_REGION = "1141985005";
  public static final String SNOMED_SCIATICA = "23056005";
  // From a secondary source only; kept because the mapping table names it.
  public static final String SNOMED_MUSCLE_SPASM = "45352006";
  public static final String SNOMED_LOW_BACK_PAIN = "279039007";

  public static final String CAREPLAN_ASSESS_PLAN = "assess-plan";

  /** ICD-10-CM "Low back pain, unspecified", the code US EHRs put on a problem list. */
  public static final String ICD10CM_LOW_BACK_PAIN = "M54.50";

  // Standard codes emitted before the project's own (FHIR-7). Each with its source; "secondary"
  // means seen in published value sets and IGs, not checked against a SNOMED CT browser.
  /** SNOMED CT 387854002 Massage: mapping table (PRODUCT.md section 6), "to be confirmed". */
  public static final String SNOMED_MASSAGE = "387854002";

  /** SNOMED CT 29836001 Hip region structure: secondary (a published FHIR body-site value set). */
  public static final String SNOMED_HIP_REGION = "29836001";

  /** SNOMED CT 46862004 Buttock structure (gluteal region): secondary (HL7 body-site lists). */
  public static final String SNOMED_BUTTOCK = "46862004";

  /** SNOMED CT 38266002 Entire body as a whole: secondary (FHIR body-site examples). */
  public static final String SNOMED_ENTIRE_BODY = "38266002";

  /** SNOMED CT severities (FHIR R4 condition-severity value set, which lists exactly these). */
  public static final String SNOMED_MILD = "255604002";

  public static final String SNOMED_MODERATE = "6736007";
  public static final String SNOMED_SEVERE = "24484000";

  /** SNOMED CT 2667000 Absent (qualifier value): FHIR R4 examples use it for absent findings. */
  public static final String SNOMED_ABSENT = "2667000";

  /** SNOMED CT lower-limb structures for the side of leg pain: secondary (HL7 body-site lists). */
  public static final String SNOMED_LEFT_LOWER_LIMB = "32153003";

  public static final String SNOMED_RIGHT_LOWER_LIMB = "62175007";
  public static final String SNOMED_LOWER_LIMB = "61685007";

  /** The profiles Lumbra's resources claim in {@code meta.profile} (FHIR-5), US Core 8.0.0. */
  public static final String US_CORE_VERSION = "8.0.0";

  private static final String US_CORE_PROFILE_BASE =
      "http://hl7.org/fhir/us/core/StructureDefinition/";

  public static final String US_CORE_PATIENT = usCore("us-core-patient");
  public static final String US_CORE_CONDITION =
      usCore("us-core-condition-problems-health-concerns");
  public static final String US_CORE_CAREPLAN = usCore("us-core-careplan");
  public static final String US_CORE_GOAL = usCore("us-core-goal");
  public static final String US_CORE_PROCEDURE = usCore("us-core-procedure");
  public static final String US_CORE_SCREENING_ASSESSMENT =
      usCore("us-core-observation-screening-assessment");
  public static final String US_CORE_SIMPLE_OBSERVATION = usCore("us-core-simple-observation");

  /** The US Core profiles each resource type Lumbra serves is emitted in (FHIR-5). */
  public static final Map<String, List<String>> US_CORE_PROFILES =
      Map.of(
          "Patient", List.of(US_CORE_PATIENT),
          "Condition", List.of(US_CORE_CONDITION),
          "CarePlan", List.of(US_CORE_CAREPLAN),
          "Goal", List.of(US_CORE_GOAL),
          "Procedure", List.of(US_CORE_PROCEDURE),
          "Observation", List.of(US_CORE_SCREENING_ASSESSMENT, US_CORE_SIMPLE_OBSERVATION));

  /** The server CapabilityStatement Lumbra's own {@code instantiates}. */
  public static final String US_CORE_SERVER =
      "http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|" + US_CORE_VERSION;

  /** The US Core category a problem-list Condition needs (us-core-condition-problems...). */
  public static final String PROBLEM_LIST_ITEM = "problem-list-item";

  // Project codes that are not enum constants.
  public static final String MASSAGE_THERAPY = "massage-therapy";
  public static final String EXERCISE_PROGRAMME = "exercise-programme";
  public static final String SESSION_MISSED = "session-missed";
  public static final String SESSION_CANCELLED = "session-cancelled";

  /** The points an Oswestry section's answer can score (its answers are 0–5 in order). */
  private static final int OSWESTRY_SECTION_MAX = 5;

  /**
   * The project code of the Oswestry answer scoring {@code points}: the questionnaire's wording is
   * its author's, so Lumbra codes its answers by their score only.
   */
  public static String oswestryAnswer(int points) {
    return "odi-answer-" + points;
  }

  /** Prefixes of the enum-derived project codes, in the order the CodeSystem lists them. */
  private static final Map<Class<? extends Enum<?>>, String> PREFIXES = new LinkedHashMap<>();

  static {
    PREFIXES.put(ObservationCode.class, "measure");
    PREFIXES.put(ReadingContext.class, "context");
    PREFIXES.put(ReadingSource.class, "source");
    PREFIXES.put(SpasmFrequency.class, "spasm");
    PREFIXES.put(LegPain.Presence.class, "leg-pain");
    PREFIXES.put(LegPain.Side.class, "side");
    PREFIXES.put(Technique.class, "technique");
    PREFIXES.put(TargetRegion.class, "region");
    PREFIXES.put(PhaseKind.class, "phase");
    PREFIXES.put(HomeCareKind.class, "home-care");
    PREFIXES.put(OnsetType.class, "onset");
    PREFIXES.put(SeverityCategory.class, "severity");
    PREFIXES.put(StructuralCause.class, "cause");
    PREFIXES.put(IntensityPreference.class, "intensity");
    PREFIXES.put(Lifestyle.class, "lifestyle");
    PREFIXES.put(GoalStatus.class, "goal");
    PREFIXES.put(PlanChange.class, "plan-change");
    PREFIXES.put(AdverseResponseKind.class, "adverse");
  }

  private static final Map<String, String> OTHER_CODES = new LinkedHashMap<>();

  static {
    OTHER_CODES.put(MASSAGE_THERAPY, "Massage therapy for low-back pain");
    OTHER_CODES.put(EXERCISE_PROGRAMME, "Prescribed exercise / physical-therapy programme");
    OTHER_CODES.put(SESSION_MISSED, "Session missed: the patient did not come");
    OTHER_CODES.put(SESSION_CANCELLED, "Session cancelled before it took place");
    for (int points = 0; points <= OSWESTRY_SECTION_MAX; points++) {
      OTHER_CODES.put(oswestryAnswer(points), "Oswestry section answer scoring " + points);
    }
  }

  private Terminology() {}

  /** A US Core 8.0.0 profile canonical with its version, as the published examples cite it. */
  private static String usCore(String profile) {
    return US_CORE_PROFILE_BASE + profile + "|" + US_CORE_VERSION;
  }

  /** Massage (SNOMED CT) followed by the project's own code, for sessions and plan phases. */
  public static CodeableConcept massage() {
    return new CodeableConcept(new Coding(SNOMED, SNOMED_MASSAGE, "Massage"))
        .addCoding(lumbra(MASSAGE_THERAPY))
        .setText("Massage therapy for low-back pain");
  }

  /**
   * The SNOMED CT body structure of a target region, if one fits; "surrounding muscles" names no
   * single structure, so it has only the project code. Both domains' region enums share the names.
   */
  public static Optional<Coding> bodySite(Enum<?> region) {
    return switch (region.name()) {
      case "LOWER_BACK" -> Optional.of(new Coding(SNOMED, SNOMED_LUMBAR_REGION, "Lumbar region"));
      case "HIPS" -> Optional.of(new Coding(SNOMED, SNOMED_HIP_REGION, "Hip region structure"));
      case "GLUTES" -> Optional.of(new Coding(SNOMED, SNOMED_BUTTOCK, "Buttock structure"));
      case "FULL_BODY" ->
          Optional.of(new Coding(SNOMED, SNOMED_ENTIRE_BODY, "Entire body as a whole"));
      default -> Optional.empty();
    };
  }

  /** A target region as a body site: the SNOMED CT structure first, then the project code. */
  public static CodeableConcept region(Enum<?> region) {
    CodeableConcept site = new CodeableConcept();
    bodySite(region).ifPresent(site::addCoding);
    site.addCoding(coding(region));
    return site;
  }

  /**
   * Condition severity: SNOMED CT (the R4 condition-severity value set) before the project's; null
   * when it is not known (FHIR-6), as the partner sent none.
   */
  public static CodeableConcept severity(SeverityCategory severity) {
    Coding snomed =
        switch (severity) {
          case MILD -> new Coding(SNOMED, SNOMED_MILD, "Mild");
          case MODERATE -> new Coding(SNOMED, SNOMED_MODERATE, "Moderate");
          case SEVERE -> new Coding(SNOMED, SNOMED_SEVERE, "Severe");
          case UNKNOWN -> null;
        };
    return snomed == null ? null : new CodeableConcept(snomed).addCoding(coding(severity));
  }

  /** Low-back pain: SNOMED CT 279039007 and ICD-10-CM M54.50 (PRODUCT.md section 6). */
  public static CodeableConcept lowBackPain() {
    return new CodeableConcept(new Coding(SNOMED, SNOMED_LOW_BACK_PAIN, "Low back pain"))
        .addCoding(new Coding(ICD10CM, ICD10CM_LOW_BACK_PAIN, "Low back pain, unspecified"))
        .setText("Low back pain");
  }

  /**
   * The answer to "shooting leg pain?" (OBS-2). The Observation's code is the question (the project
   * code {@code measure-leg-pain}, never a finding), so that an EHR reading the code alone does not
   * see sciatica; the value carries the answer: SNOMED CT 23056005 Sciatica when present, 2667000
   * Absent when absent, each followed by the project code.
   */
  public static CodeableConcept legPainAnswer(LegPain.Presence presence) {
    Coding snomed =
        presence == LegPain.Presence.PRESENT
            ? new Coding(SNOMED, SNOMED_SCIATICA, "Sciatica")
            : new Coding(SNOMED, SNOMED_ABSENT, "Absent");
    return new CodeableConcept(snomed).addCoding(coding(presence));
  }

  /** The leg(s) of shooting leg pain: the SNOMED CT lower-limb structure, then the project code. */
  public static CodeableConcept legPainSide(LegPain.Side side) {
    Coding snomed =
        switch (side) {
          case LEFT -> new Coding(SNOMED, SNOMED_LEFT_LOWER_LIMB, "Left lower limb structure");
          case RIGHT -> new Coding(SNOMED, SNOMED_RIGHT_LOWER_LIMB, "Right lower limb structure");
          case BOTH -> new Coding(SNOMED, SNOMED_LOWER_LIMB, "Lower limb structure");
        };
    return new CodeableConcept(snomed).addCoding(coding(side));
  }

  /** The project code of an enum constant, e.g. {@code technique-deep-tissue}. */
  public static String code(Enum<?> constant) {
    String prefix = PREFIXES.get(constant.getDeclaringClass());
    if (prefix == null) {
      throw new IllegalArgumentException("no project codes for " + constant.getDeclaringClass());
    }
    return prefix + "-" + constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The project coding of an enum constant, with its display. */
  public static Coding coding(Enum<?> constant) {
    return new Coding(LUMBRA, code(constant), display(constant));
  }

  public static CodeableConcept concept(Enum<?> constant) {
    return new CodeableConcept(coding(constant));
  }

  /**
   * The constant of {@code type} whose project code {@code concept} carries (OBS-4: anything else
   * is rejected naming {@code field} and the allowed codes).
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, CodeableConcept concept) {
    if (concept != null) {
      for (Coding coding : concept.getCoding()) {
        Optional<E> found = find(type, coding);
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new InvalidValueException(field, describe(concept), allowed(type));
  }

  public static <E extends Enum<E>> E parse(Class<E> type, String field, Coding coding) {
    return find(type, coding)
        .orElseThrow(
            () ->
                new InvalidValueException(
                    field,
                    coding == null ? null : coding.getSystem() + "|" + coding.getCode(),
                    allowed(type)));
  }

  /** The constant of {@code type} whose project code {@code concept} carries, if it has one. */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, CodeableConcept concept) {
    if (concept != null) {
      for (Coding coding : concept.getCoding()) {
        Optional<E> found = find(type, coding);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Parses a bare code of {@link #LUMBRA}, as search parameters carry it. */
  public static <E extends Enum<E>> E parseCode(Class<E> type, String field, String code) {
    return find(type, new Coding(LUMBRA, code, null))
        .orElseThrow(() -> new InvalidValueException(field, code, allowed(type)));
  }

  private static <E extends Enum<E>> Optional<E> find(Class<E> type, Coding coding) {
    if (coding == null || !LUMBRA.equals(coding.getSystem())) {
      return Optional.empty();
    }
    return Stream.of(type.getEnumConstants())
        .filter(constant -> code(constant).equals(coding.getCode()))
        .findFirst();
  }

  /** What a field of {@code type} accepts, for error messages. */
  public static <E extends Enum<E>> String allowed(Class<E> type) {
    return "a coding of "
        + LUMBRA
        + " with one of the codes "
        + Stream.of(type.getEnumConstants())
            .map(Terminology::code)
            .collect(Collectors.joining(", "));
  }

  private static String describe(CodeableConcept concept) {
    if (concept == null || concept.getCoding().isEmpty()) {
      return null;
    }
    return concept.getCoding().stream()
        .map(coding -> coding.getSystem() + "|" + coding.getCode())
        .collect(Collectors.joining(", "));
  }

  /** Human-readable display of a constant: its own display text if it has one. */
  public static String display(Enum<?> constant) {
    if (constant instanceof Technique technique) {
      return technique.display();
    }
    if (constant instanceof StructuralCause cause) {
      return cause.display();
    }
    if (constant instanceof AdverseResponseKind kind) {
      return kind.display();
    }
    String words = constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Every concept of the project code system: code → display, each code once. */
  public static Map<String, String> lumbraConcepts() {
    Map<String, String> concepts = new LinkedHashMap<>();
    for (Class<? extends Enum<?>> type : PREFIXES.keySet()) {
      for (Enum<?> constant : type.getEnumConstants()) {
        concepts.putIfAbsent(code(constant), display(constant));
      }
    }
    concepts.putAll(OTHER_CODES);
    return concepts;
  }

  /** A coding of a code of the project code system that is not an enum constant. */
  public static Coding lumbra(String code) {
    String display = OTHER_CODES.get(code);
    if (display == null) {
      throw new IllegalArgumentException("not a project code: " + code);
    }
    return new Coding(LUMBRA, code, display);
  }

  /** Whether {@code concept} has a coding of {@code system} and {@code code}. */
  public static boolean has(CodeableConcept concept, String system, String code) {
    return concept != null
        && concept.getCoding().stream()
            .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
  }

  /** The extension URL of a project extension, e.g. {@code reading-context}. */
  public static String extension(String name) {
    return EXTENSION_BASE + name;
  }

  /** The project extension names this server uses, for the CapabilityStatement's documentation. */
  public static List<String> extensionNames() {
    return Extensions.ALL;
  }
}
