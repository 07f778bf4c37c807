package app.lumbra.fhir.observation;

import app.lumbra.fhir.support.Elements;
import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.DailyActivityDifficulty;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Symptom reading ⇄ FHIR {@code Observation} (FHIR-1, OBS-1, OBS-2): verified LOINC / SNOMED CT
 * codes where PRODUCT.md section 6 has them, project codes otherwise; scores as UCUM quantities;
 * the reading context (pre / post session, diary, EHR import) and source in extensions so that pre
 * and post survive every round trip; {@code basedOn} the care plan, {@code partOf} the session.
 */
public final class ObservationFhirMapper {

  private static final Set<String> OBSERVATION =
      Set.of(
          "id",
          "meta",
          "text",
          "extension",
          "status",
          "category",
          "code",
          "subject",
          "basedOn",
          "partOf",
          "effective[x]",
          "issued",
          "value[x]",
          "bodySite");
  private static final Set<String> EXTENSIONS =
      Set.of(Extensions.READING_CONTEXT, Extensions.READING_SOURCE, Extensions.MORNING_STIFFNESS);
  private static final String SCORE_UNIT = "{score}";

  private ObservationFhirMapper() {}

  /** The standard coding of a measure; a project coding when no verified code exists. */
  public static Coding standardCoding(ObservationCode code) {
    return switch (code) {
      case PAIN -> new Coding(Terminology.LOINC, Terminology.LOINC_PAIN, null);
      case OSWESTRY -> new Coding(Terminology.LOINC, Terminology.LOINC_OSWESTRY_TOTAL, null);
      case SPASM -> new Coding(Terminology.SNOMED, Terminology.SNOMED_MUSCLE_SPASM, null);
      // The question, never the finding: the answer (sciatica or absent) is the value.
      case LEG_PAIN, STIFFNESS, ROLAND_MORRIS, DAILY_ACTIVITY_DIFFICULTY ->
          Terminology.coding(code);
    };
  }

  /** {@code exam} for findings (spasm, shooting leg pain), {@code survey} for reported scores. */
  public static String category(ObservationCode code) {
    return code == ObservationCode.SPASM || code == ObservationCode.LEG_PAIN ? "exam" : "survey";
  }

  /**
   * The US Core 8.0.0 profile of a measure: scored questionnaires (pain NRS, Oswestry,
   * Roland-Morris, daily activities) are screening assessments; stiffness, spasm and leg pain are
   * simple observations.
   */
  public static String profile(ObservationCode code) {
    return switch (code) {
      case PAIN, OSWESTRY, ROLAND_MORRIS, DAILY_ACTIVITY_DIFFICULTY ->
          Terminology.US_CORE_SCREENING_ASSESSMENT;
      case STIFFNESS, SPASM, LEG_PAIN -> Terminology.US_CORE_SIMPLE_OBSERVATION;
    };
  }

  /** The measure a token of the {@code code} search parameter names. */
  public static ObservationCode measure(String system, String code) {
    for (ObservationCode candidate : ObservationCode.values()) {
      Coding standard = standardCoding(candidate);
      boolean systemMatches =
          system == null || system.isEmpty() || system.equals(standard.getSystem());
      if (systemMatches && standard.getCode().equals(code)) {
        return candidate;
      }
      if ((system == null || Terminology.LUMBRA.equals(system))
          && Terminology.code(candidate).equals(code)) {
        return candidate;
      }
    }
    throw new InvalidValueException(
        "code", (system == null ? "" : system + "|") + code, allowedCodes());
  }

  private static String allowedCodes() {
    return Arrays.stream(ObservationCode.values())
        .map(code -> standardCoding(code).getSystem() + "|" + standardCoding(code).getCode())
        .collect(Collectors.joining(", "));
  }

  public static Observation toFhir(ObservationView view) {
    Observation observation = new Observation();
    observation.setIdElement(new IdType("Observation", view.id(), Long.toString(view.version())));
    // Readings are immutable: the first version is the only one.
    observation.getMeta().setVersionId(Long.toString(view.version()));
    observation.getMeta().setLastUpdated(FhirTime.date(view.recordedAt()));
    observation.getMeta().addProfile(profile(view.code()));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(
            new Coding(Terminology.OBSERVATION_CATEGORY, category(view.code()), null)));
    CodeableConcept code = new CodeableConcept(standardCoding(view.code()));
    if (!Terminology.LUMBRA.equals(code.getCodingFirstRep().getSystem())) {
      code.addCoding(Terminology.coding(view.code()));
    }
    code.setText(Terminology.display(view.code()));
    observation.setCode(code);
    observation.setSubject(Refs.to("Patient", view.patientId()));
    if (view.carePlanId() != null) {
      observation.addBasedOn(Refs.to("CarePlan", view.carePlanId()));
    }
    if (view.sessionId() != null) {
      observation.addPartOf(Refs.to("Procedure", view.sessionId()));
    }
    observation.setEffective(FhirTime.dateTime(view.effectiveAt()));
    observation.setIssuedElement(FhirTime.instant(view.recordedAt()));
    setValue(observation, view.reading());
    Ext.add(observation, Extensions.READING_CONTEXT, Terminology.coding(view.context()));
    Ext.add(observation, Extensions.READING_SOURCE, Terminology.coding(view.source()));
    return observation;
  }

  private static void setValue(Observation observation, SymptomReading reading) {
    Type value;
    if (reading instanceof PainScore pain) {
      value = score(pain.value(), SCORE_UNIT);
    } else if (reading instanceof StiffnessScore stiffness) {
      value = score(stiffness.value(), SCORE_UNIT);
    } else if (reading instanceof RolandMorrisScore rolandMorris) {
      value = score(rolandMorris.value(), SCORE_UNIT);
    } else if (reading instanceof DailyActivityDifficulty difficulty) {
      value = score(difficulty.value(), SCORE_UNIT);
    } else if (reading instanceof OswestryScore oswestry) {
      value = score(oswestry.percent(), "%");
    } else if (reading instanceof SpasmFrequency spasm) {
      value = Terminology.concept(spasm);
    } else {
      value = Terminology.legPainAnswer(((LegPain) reading).presence());
    }
    observation.setValue(value);
    if (reading instanceof StiffnessScore stiffness) {
      Ext.add(observation, Extensions.MORNING_STIFFNESS, new BooleanType(stiffness.morning()));
    }
    if (reading instanceof LegPain legPain && legPain.side() != null) {
      observation.setBodySite(Terminology.legPainSide(legPain.side()));
    }
  }

  private static Quantity score(int value, String unit) {
    return new Quantity().setValue(value).setUnit(unit).setSystem(Terminology.UCUM).setCode(unit);
  }

  /** The reading a FHIR client sends (OBS-4: wrong codes, types and ranges are rejected). */
  public static RecordReading toDomain(Observation observation) {
    Elements.onlyThese(observation, "Observation", OBSERVATION, EXTENSIONS);
    if (observation.getStatus() != Observation.ObservationStatus.FINAL) {
      throw new InvalidValueException(
          "Observation.status",
          observation.getStatus() == null ? null : observation.getStatus().toCode(),
          "final");
    }
    ObservationCode measure = measure(observation.getCode());
    Terminology.onlyCodings(
        observation.getCode(),
        "Observation.code",
        standardCoding(measure),
        Terminology.coding(measure));
    for (int i = 0; i < observation.getCategory().size(); i++) {
      CodeableConcept category = observation.getCategory().get(i);
      Terminology.onlyCodings(
          category,
          "Observation.category[" + i + "]",
          new Coding(Terminology.OBSERVATION_CATEGORY, category(measure), null));
      if (!Terminology.has(category, Terminology.OBSERVATION_CATEGORY, category(measure))) {
        throw new InvalidValueException(
            "Observation.category",
            category.getCodingFirstRep().getCode(),
            category(measure) + " for " + Terminology.code(measure));
      }
    }
    if (observation.getBasedOn().size() > 1) {
      throw Elements.unsupported("Observation.basedOn[1]");
    }
    if (observation.getPartOf().size() > 1) {
      throw Elements.unsupported("Observation.partOf[1]");
    }
    if (observation.hasEffective() && !observation.hasEffectiveDateTimeType()) {
      throw new InvalidValueException(
          "Observation.effective[x]", observation.getEffective().fhirType(), "effectiveDateTime");
    }
    String sessionId =
        observation.hasPartOf()
            ? Refs.id("Observation.partOf", "Procedure", observation.getPartOfFirstRep())
            : null;
    Coding context = Ext.value(observation, Extensions.READING_CONTEXT, Coding.class);
    Coding source = Ext.value(observation, Extensions.READING_SOURCE, Coding.class);
    return new RecordReading(
        Refs.required("Observation.subject", "Patient", observation.getSubject()),
        observation.hasBasedOn()
            ? Refs.id("Observation.basedOn", "CarePlan", observation.getBasedOnFirstRep())
            : null,
        sessionId,
        context == null
            ? ReadingContext.EHR_IMPORT
            : Terminology.parse(
                ReadingContext.class, "Observation.extension(reading-context)", context),
        source == null
            ? ReadingSource.EHR_IMPORT
            : Terminology.parse(
                ReadingSource.class, "Observation.extension(reading-source)", source),
        FhirTime.offsetDateTime(
            "Observation.effectiveDateTime",
            observation.hasEffectiveDateTimeType() ? observation.getEffectiveDateTimeType() : null),
        reading(measure, observation));
  }

  private static ObservationCode measure(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      for (ObservationCode candidate : ObservationCode.values()) {
        Coding standard = standardCoding(candidate);
        boolean isStandard =
            standard.getSystem().equals(coding.getSystem())
                && standard.getCode().equals(coding.getCode());
        boolean isProject =
            Terminology.LUMBRA.equals(coding.getSystem())
                && Terminology.code(candidate).equals(coding.getCode());
        if (isStandard || isProject) {
          return candidate;
        }
      }
    }
    throw new InvalidValueException(
        "Observation.code", code.getCodingFirstRep().getCode(), allowedCodes());
  }

  private static SymptomReading reading(ObservationCode measure, Observation observation) {
    if (measure != ObservationCode.STIFFNESS
        && Ext.value(observation, Extensions.MORNING_STIFFNESS, BooleanType.class) != null) {
      throw Elements.unsupported("Observation.extension('morning-stiffness')");
    }
    if (measure != ObservationCode.LEG_PAIN && observation.hasBodySite()) {
      throw Elements.unsupported("Observation.bodySite");
    }
    return switch (measure) {
      case PAIN -> PainScore.parse(quantity(observation, PainScore.FIELD, SCORE_UNIT));
      case ROLAND_MORRIS ->
          RolandMorrisScore.parse(quantity(observation, RolandMorrisScore.FIELD, SCORE_UNIT));
      case DAILY_ACTIVITY_DIFFICULTY ->
          DailyActivityDifficulty.parse(
              quantity(observation, DailyActivityDifficulty.FIELD, SCORE_UNIT));
      case OSWESTRY -> OswestryScore.parse(quantity(observation, OswestryScore.FIELD, "%"));
      case STIFFNESS -> {
        BooleanType morning =
            Ext.value(observation, Extensions.MORNING_STIFFNESS, BooleanType.class);
        yield StiffnessScore.parse(
            quantity(observation, StiffnessScore.FIELD, SCORE_UNIT),
            morning != null && morning.booleanValue());
      }
      case SPASM -> {
        SpasmFrequency spasm =
            Terminology.parse(
                SpasmFrequency.class, "Observation.valueCodeableConcept", concept(observation));
        Terminology.onlyCodings(
            concept(observation), "Observation.valueCodeableConcept", Terminology.coding(spasm));
        yield spasm;
      }
      case LEG_PAIN -> {
        LegPain.Presence presence =
            Terminology.parse(
                LegPain.Presence.class, "Observation.valueCodeableConcept", concept(observation));
        Terminology.onlyCodings(
            concept(observation),
            "Observation.valueCodeableConcept",
            Terminology.legPainAnswer(presence).getCoding().toArray(Coding[]::new));
        LegPain.Side side = null;
        if (observation.hasBodySite()) {
          side =
              Terminology.parse(
                  LegPain.Side.class, "Observation.bodySite", observation.getBodySite());
          Terminology.onlyCodings(
              observation.getBodySite(),
              "Observation.bodySite",
              Terminology.legPainSide(side).getCoding().toArray(Coding[]::new));
        }
        yield new LegPain(presence, side);
      }
    };
  }

  private static BigDecimal quantity(Observation observation, String field, String unit) {
    if (!observation.hasValueQuantity()) {
      throw new InvalidValueException(
          "Observation.value[x]",
          observation.hasValue() ? observation.getValue().fhirType() : null,
          "valueQuantity in " + unit + " (" + field + ")");
    }
    Quantity quantity = observation.getValueQuantity();
    Elements.onlyThese(
        quantity, "Observation.valueQuantity", Set.of("value", "unit", "system", "code"), Set.of());
    if (quantity.hasCode() && !unit.equals(quantity.getCode())) {
      throw new InvalidValueException(
          "Observation.valueQuantity.code", quantity.getCode(), unit + " (UCUM)");
    }
    return quantity.getValue();
  }

  private static CodeableConcept concept(Observation observation) {
    if (!observation.hasValueCodeableConcept()) {
      throw new InvalidValueException(
          "Observation.value[x]",
          observation.hasValue() ? observation.getValue().fhirType() : null,
          "valueCodeableConcept");
    }
    return observation.getValueCodeableConcept();
  }
}
