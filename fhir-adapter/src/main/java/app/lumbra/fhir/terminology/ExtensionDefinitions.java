package app.lumbra.fhir.terminology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.UriType;

/**
 * FHIR-7: the StructureDefinition of every project extension in {@link Extensions}, generated from
 * one table (name, where it may appear, value type, what it means) so that the definitions served
 * at {@code /fhir/StructureDefinition/{name}}, the validator and the mappers cannot drift apart.
 * Definitions are published as differentials only, as FHIR implementation guides publish theirs; a
 * validator generates the snapshot.
 */
public final class ExtensionDefinitions {

  /** One row of the table: a simple extension has a value type, a complex one has parts. */
  public record Definition(
      String name, List<String> contexts, String valueType, String description, List<Part> parts) {

    public String url() {
      return Terminology.extension(name);
    }
  }

  /** A sub-extension of a complex extension (its url is the bare name, as FHIR asks). */
  public record Part(String name, String valueType, boolean repeats, String description) {}

  private static final String OBSERVATION = "Observation";
  private static final String PROCEDURE = "Procedure";
  private static final String CONDITION = "Condition";
  private static final String CARE_PLAN = "CarePlan";
  private static final String ACTIVITY = "CarePlan.activity.detail";
  private static final String CODING = "Coding";
  private static final String INTEGER = "integer";
  private static final String STRING = "string";

  private static final Map<String, Definition> TABLE = new LinkedHashMap<>();

  static {
    simple(
        Extensions.READING_CONTEXT,
        CODING,
        "When the reading was taken: before or after a session, in the diary, or imported from an"
            + " EHR (keeps pre and post session scores apart).",
        OBSERVATION);
    simple(
        Extensions.READING_SOURCE,
        CODING,
        "Who recorded the reading: patient, therapist or an EHR import.",
        OBSERVATION);
    simple(
        Extensions.MORNING_STIFFNESS,
        "boolean",
        "Whether a stiffness score describes morning stiffness.",
        OBSERVATION);
    simple(
        Extensions.TECHNIQUE,
        CODING,
        "A massage technique used in the session or planned for the phase (project code).",
        PROCEDURE,
        ACTIVITY);
    simple(
        Extensions.TARGET_REGION,
        CODING,
        "A body region the phase's sessions work on, as the project code; the standard body site"
            + " is in the activity's code.",
        ACTIVITY);
    simple(
        Extensions.PAIN_BEFORE,
        INTEGER,
        "Pain (0-10 NRS) reported just before the session; the reading is also an Observation.",
        PROCEDURE);
    simple(
        Extensions.PAIN_AFTER,
        INTEGER,
        "Pain (0-10 NRS) reported just after the session; the reading is also an Observation.",
        PROCEDURE);
    simple(
        Extensions.SOAP_PART,
        "code",
        "Which part of a SOAP note the annotation is: subjective, objective, assessment or plan.",
        "Procedure.note");
    simple(
        Extensions.SCHEDULED_AT,
        "dateTime",
        "When the session was booked to start, kept for missed and cancelled sessions too.",
        PROCEDURE);
    simple(
        Extensions.PLANNED_DURATION,
        INTEGER,
        "The booked length of the session in minutes.",
        PROCEDURE);
    simple(
        Extensions.ONSET_TYPE,
        CODING,
        "Acute, subacute or chronic, as the clinician classified the episode.",
        CONDITION);
    simple(
        Extensions.SEVERITY_SCORE,
        INTEGER,
        "The pain score (0-10 NRS) the severity category was derived from.",
        CONDITION);
    simple(
        Extensions.STRUCTURAL_CAUSE,
        CODING,
        "A structural cause of the back pain (PLAN-11), as the project code.",
        CONDITION);
    simple(
        Extensions.PHASE_KIND,
        CODING,
        "The kind of plan phase the activity is: intensive, consolidation or maintenance.",
        ACTIVITY);
    complex(
        Extensions.PLANNED_SESSION,
        "A session booked in this phase.",
        List.of(ACTIVITY),
        new Part("startsAt", "dateTime", false, "When the booked session starts."),
        new Part("minutes", INTEGER, false, "The booked length in minutes."));
    complex(
        Extensions.PATIENT_FACTORS,
        "The patient factors the plan was recommended from (PLAN-1..PLAN-11).",
        List.of(CARE_PLAN),
        new Part("onsetType", CODING, false, "Acute, subacute or chronic."),
        new Part("painScore", INTEGER, false, "Current pain (0-10 NRS)."),
        new Part("severity", CODING, false, "Severity category."),
        new Part("structuralCause", CODING, true, "A structural cause (PLAN-11)."),
        new Part("intensityPreference", CODING, false, "Preferred massage intensity."),
        new Part("lifestyle", CODING, true, "A lifestyle factor."),
        new Part("pricePerSession", "Money", false, "Price of one session."),
        new Part("monthlyBudget", "Money", false, "What the patient can spend a month."),
        new Part("availableDay", "code", true, "A weekday the patient can come (mon..sun)."),
        new Part("preferredTime", "time", false, "Preferred time of day."));
    simple(
        Extensions.CO_MANAGEMENT,
        "boolean",
        "Whether the plan was flagged for co-management with a physician.",
        CARE_PLAN);
    simple(
        Extensions.EXPECTATIONS,
        STRING,
        "What the patient expects of the treatment, in their words.",
        CARE_PLAN);
    simple(
        Extensions.HOME_CARE_TASK_ID,
        STRING,
        "The stable id of a home-care task, so edits keep its history.",
        ACTIVITY);
    simple(
        Extensions.PLAN_WARNING,
        STRING,
        "A rule warning on the plan: rule id, field and message.",
        CARE_PLAN);
    simple(
        Extensions.STRUCTURAL_CAUSE_STATEMENT,
        STRING,
        "Why structural causes need a physician's assessment (PLAN-11).",
        CARE_PLAN);
    simple(Extensions.LAST_CHANGE, CODING, "What the last change to the plan was.", CARE_PLAN);
    simple(Extensions.LAST_CHANGED_BY, STRING, "Who made the last change to the plan.", CARE_PLAN);
    simple(
        Extensions.CARE_PLAN,
        "Reference",
        "The care plan the goal belongs to (Goal has no element for it in R4).",
        "Goal");
    simple(
        Extensions.REGISTERED_AT,
        "dateTime",
        "When the patient was registered with Lumbra.",
        "Patient");
  }

  private ExtensionDefinitions() {}

  private static void simple(String name, String type, String description, String... contexts) {
    TABLE.put(name, new Definition(name, List.of(contexts), type, description, List.of()));
  }

  private static void complex(
      String name, String description, List<String> contexts, Part... parts) {
    TABLE.put(name, new Definition(name, contexts, null, description, List.of(parts)));
  }

  /** Every row of the table, in the order of {@link Extensions}. */
  public static List<Definition> all() {
    return List.copyOf(TABLE.values());
  }

  /** The StructureDefinition of every project extension. */
  public static List<StructureDefinition> structureDefinitions() {
    return TABLE.values().stream().map(ExtensionDefinitions::structureDefinition).toList();
  }

  /** The StructureDefinition whose id (the extension's name) is {@code id}. */
  public static Optional<StructureDefinition> structureDefinition(String id) {
    return Optional.ofNullable(TABLE.get(id)).map(ExtensionDefinitions::structureDefinition);
  }

  private static StructureDefinition structureDefinition(Definition definition) {
    StructureDefinition sd = new StructureDefinition();
    sd.setId(definition.name());
    sd.setUrl(definition.url());
    sd.setName(pascalCase(definition.name()));
    sd.setTitle("Lumbra " + definition.name().replace('-', ' '));
    sd.setStatus(PublicationStatus.ACTIVE);
    sd.setExperimental(false);
    sd.setPublisher("Lumbra");
    sd.setDescription(definition.description());
    sd.setFhirVersion(FHIRVersion._4_0_1);
    sd.setKind(StructureDefinitionKind.COMPLEXTYPE);
    sd.setAbstract(false);
    for (String context : definition.contexts()) {
      sd.addContext().setType(ExtensionContextType.ELEMENT).setExpression(context);
    }
    sd.setType("Extension");
    sd.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
    sd.setDerivation(TypeDerivationRule.CONSTRAINT);
    StructureDefinition.StructureDefinitionDifferentialComponent differential =
        sd.getDifferential();
    element(differential, "Extension", "Extension")
        .setShort(definition.description())
        .setDefinition(definition.description());
    if (definition.parts().isEmpty()) {
      element(differential, "Extension.extension", "Extension.extension").setMax("0");
      element(differential, "Extension.url", "Extension.url")
          .setFixed(new UriType(definition.url()));
      value(
          element(differential, "Extension.value[x]", "Extension.value[x]"),
          definition.valueType());
    } else {
      ElementDefinition slices =
          element(differential, "Extension.extension", "Extension.extension");
      slices
          .getSlicing()
          .setRules(ElementDefinition.SlicingRules.CLOSED)
          .addDiscriminator()
          .setType(ElementDefinition.DiscriminatorType.VALUE)
          .setPath("url");
      for (Part part : definition.parts()) {
        String slice = "Extension.extension:" + part.name();
        element(differential, slice, "Extension.extension")
            .setSliceName(part.name())
            .setShort(part.description())
            .setDefinition(part.description())
            .setMin(0)
            .setMax(part.repeats() ? "*" : "1");
        element(differential, slice + ".extension", "Extension.extension.extension").setMax("0");
        element(differential, slice + ".url", "Extension.extension.url")
            .setFixed(new UriType(part.name()));
        value(
            element(differential, slice + ".value[x]", "Extension.extension.value[x]"),
            part.valueType());
      }
      element(differential, "Extension.url", "Extension.url")
          .setFixed(new UriType(definition.url()));
      element(differential, "Extension.value[x]", "Extension.value[x]").setMax("0");
    }
    return sd;
  }

  private static ElementDefinition element(
      StructureDefinition.StructureDefinitionDifferentialComponent differential,
      String id,
      String path) {
    ElementDefinition element = differential.addElement().setPath(path);
    element.setId(id);
    return element;
  }

  private static void value(ElementDefinition element, String type) {
    element.setMin(1);
    ElementDefinition.TypeRefComponent typeRef = element.addType().setCode(type);
    if ("Reference".equals(type)) {
      typeRef.addTargetProfile("http://hl7.org/fhir/StructureDefinition/CarePlan");
    }
  }

  private static String pascalCase(String name) {
    StringBuilder pascal = new StringBuilder();
    for (String word : name.split("-")) {
      pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return pascal.toString();
  }
}
