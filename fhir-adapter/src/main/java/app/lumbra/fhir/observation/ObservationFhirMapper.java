package app.lumbra.fhir.observation;

import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.Measure;
import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.ReadingSource;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.SymptomReading;
import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Symptom reading ⇄ FHIR {@code Observation} (FHIR-1, OBS-1, OBS-2): verified LOINC / SNOMED CT
 * codes where PRODUCT.md section 6 has them, project codes otherwise; scores as UCUM quantities;
 * the reading context (pre / post session, diary, EHR import) and source in extensions so that pre
 * and post survive every round trip; {@code basedOn} the care plan, {@code partOf} the session.
 */
public final class ObservationFhirMapper {

  /**
   * The elements the domain owns (FHIR-1 "keep"): the projection is their authority; everything
   * else a partner sends (status, identifier, note, encounter, performer, interpretation, ...) is
   * kept. The status is the partner's: a reading is counted when final, amended or corrected, and
   * the projection says final when nobody sent one.
   */
  public static final Set<String> OWNED =
      Set.of(
          "extension",
          "category",
          "code",
          "subject",
          "basedOn",
          "partOf",
          "effective",
          "issued",
          "value",
          "bodySite");

  private ObservationFhirMapper() {}

  /** The standard coding of a measure; a project coding when no verified code exists. */
  public static Coding standardCoding(ObservationCode code) {
    return switch (code) {
      case PAIN -> new Coding(Terminology.LOINC, Terminology.LOINC_PAIN, null);
      case OSWESTRY -> new Coding(Terminology.LOINC, Terminology.LOINC_OSWESTRY_TOTAL, null);
      case SPASM -> new Coding(Terminology.SNOMED, Terminology.SNOMED_MUSCLE_SPASM, null);
      // The question, never the finding: the answer (sciatica or absent) is the value.
      case LEG_PAIN, STIFFNESS, ROLAND_MORRIS, DAILY_ACTIVITY_DIFFICULTY, MEDICATION_USE ->
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
      case STIFFNESS, SPASM, LEG_PAIN, MEDICATION_USE -> Terminology.US_CORE_SIMPLE_OBSERVATION;
    };
  }

  /** The measure a token of the {@code code} search parameter names, if it names one. */
  public static Optional<ObservationCode> findMeasure(String system, String code) {
    for (ObservationCode candidate : ObservationCode.values()) {
      Coding standard = standardCoding(candidate);
      boolean systemMatches =
          system == null || system.isEmpty() || system.equals(standard.getSystem());
      if (systemMatches && standard.getCode().equals(code)) {
        return Optional.of(candidate);
      }
      if ((system == null || Terminology.LUMBRA.equals(system))
          && Terminology.code(candidate).equals(code)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The codes of Lumbra's measures, for error messages. */
  public static String allowedCodes() {
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
    if (view.source() == ReadingSource.HOME_DIARY) {
      // OUT-5: what the patient reported says so in standard terms too, not only in our extension.
      observation.addPerformer(Refs.to("Patient", view.patientId()));
    }
    // Without a partner's document the reading alone is what every read answers (FHIR-1).
    return view.partnerDocument() ? observation : KeptResources.completed(observation);
  }

  /**
   * The value as its measure describes it: a score as {@code valueQuantity} in the measure's unit,
   * a category as the coded answer; the qualifiers (morning stiffness, the side of leg pain) where
   * the reading has them.
   */
  private static void setValue(Observation observation, SymptomReading reading) {
    Measure measure = reading.code().measure();
    Measure.Stored stored = reading.stored();
    observation.setValue(
        measure.isScore()
            ? score(stored.score(), measure.unit())
            : answer(reading.code(), stored.category()));
    if (stored.morning() != null) {
      Ext.add(observation, Extensions.MORNING_STIFFNESS, new BooleanType(stored.morning()));
    }
    if (stored.side() != null) {
      observation.setBodySite(Terminology.legPainSide(LegPain.Side.valueOf(stored.side())));
    }
  }

  /** A category's answer in FHIR: a spasm frequency, or leg pain as sciatica or absent. */
  private static CodeableConcept answer(ObservationCode code, String category) {
    return code == ObservationCode.LEG_PAIN
        ? Terminology.legPainAnswer(LegPain.Presence.valueOf(category))
        : Terminology.concept(SpasmFrequency.fromCode(category));
  }

  private static Quantity score(int value, String unit) {
    return new Quantity().setValue(value).setUnit(unit).setSystem(Terminology.UCUM).setCode(unit);
  }

  /** The statuses of a reading Lumbra counts: a final result, or a correction of one. */
  private static final Set<Observation.ObservationStatus> COUNTED =
      Set.of(
          Observation.ObservationStatus.FINAL,
          Observation.ObservationStatus.AMENDED,
          Observation.ObservationStatus.CORRECTED);

  /**
   * The reading a FHIR client sends (OBS-4: wrong codes, types and ranges are rejected; FHIR-6: the
   * measure is recognised by its standard or Lumbra code among any others, the score may be {@code
   * valueInteger} or {@code valueQuantity}, the plan is the first CarePlan in {@code basedOn}, the
   * session the first Procedure in {@code partOf}; everything else is kept as sent).
   */
  public static RecordReading toDomain(Observation observation) {
    if (!COUNTED.contains(observation.getStatus())) {
      throw new InvalidValueException(
          "Observation.status",
          observation.getStatus() == null ? null : observation.getStatus().toCode(),
          "final, amended or corrected");
    }
    ObservationCode measure = measure(observation.getCode());
    String sessionId = Refs.firstOf("Observation.partOf", "Procedure", observation.getPartOf());
    Coding context = Ext.value(observation, Extensions.READING_CONTEXT, Coding.class);
    Coding source = Ext.value(observation, Extensions.READING_SOURCE, Coding.class);
    return new RecordReading(
        Refs.required("Observation.subject", "Patient", observation.getSubject()),
        Refs.firstOf("Observation.basedOn", "CarePlan", observation.getBasedOn()),
        sessionId,
        context == null
            ? ReadingContext.EHR_IMPORT
            : Terminology.parse(
                ReadingContext.class, "Observation.extension(reading-context)", context),
        source == null
            ? ReadingSource.EHR_IMPORT
            : Terminology.parse(
                ReadingSource.class, "Observation.extension(reading-source)", source),
        FhirTime.offsetDateTime("Observation.effective[x]", effective(observation)),
        reading(measure, observation));
  }

  /** When the reading was taken: the date-time, the instant, or the start of the period. */
  private static BaseDateTimeType effective(Observation observation) {
    if (observation.hasEffectiveDateTimeType()) {
      return observation.getEffectiveDateTimeType();
    }
    if (observation.hasEffectiveInstantType()) {
      return observation.getEffectiveInstantType();
    }
    if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
      return observation.getEffectivePeriod().getStartElement();
    }
    if (observation.hasEffective()) {
      throw new InvalidValueException(
          "Observation.effective[x]",
          observation.getEffective().fhirType(),
          "effectiveDateTime, effectiveInstant or effectivePeriod with a start");
    }
    return null;
  }

  /**
   * Whether the code names one of Lumbra's measures (OBS-1, OBS-2); any other Observation is the
   * patient's clinical context (FHIR-1).
   */
  public static boolean isMeasure(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      for (ObservationCode candidate : ObservationCode.values()) {
        Coding standard = standardCoding(candidate);
        if (standard.getSystem().equals(coding.getSystem())
                && standard.getCode().equals(coding.getCode())
            || Terminology.LUMBRA.equals(coding.getSystem())
                && Terminology.code(candidate).equals(coding.getCode())) {
          return true;
        }
      }
    }
    return false;
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

  /** The reading an Observation of {@code code} says, checked as its measure describes it. */
  private static SymptomReading reading(ObservationCode code, Observation observation) {
    Measure measure = code.measure();
    if (measure.isScore()) {
      // Only stiffness has the morning qualifier; every other measure's reader ignores it.
      BooleanType morning = Ext.value(observation, Extensions.MORNING_STIFFNESS, BooleanType.class);
      int score = measure.parseScore(quantity(observation, measure.field(), measure.unit()));
      return measure.read(
          new Measure.Stored(score, null, morning == null ? null : morning.booleanValue(), null));
    }
    if (code == ObservationCode.SPASM) {
      return Terminology.parse(
          SpasmFrequency.class, "Observation.valueCodeableConcept", concept(observation));
    }
    LegPain.Presence presence =
        Terminology.parse(
            LegPain.Presence.class, "Observation.valueCodeableConcept", concept(observation));
    LegPain.Side side =
        observation.hasBodySite()
            ? Terminology.parse(
                LegPain.Side.class, "Observation.bodySite", observation.getBodySite())
            : null;
    return new LegPain(presence, side);
  }

  /**
   * A score as {@code valueQuantity} (in {@code unit}, or without a code) or {@code valueInteger}.
   */
  private static BigDecimal quantity(Observation observation, String field, String unit) {
    if (observation.hasValueIntegerType()) {
      return BigDecimal.valueOf(observation.getValueIntegerType().getValue());
    }
    if (!observation.hasValueQuantity()) {
      throw new InvalidValueException(
          "Observation.value[x]",
          observation.hasValue() ? observation.getValue().fhirType() : null,
          "valueQuantity in " + unit + " or valueInteger (" + field + ")");
    }
    Quantity quantity = observation.getValueQuantity();
    if (quantity.hasComparator()) {
      // A modifier (FHIR R4 Quantity.comparator): "< 4" is not a score of 4, and ignoring it would
      // count it as one.
      throw new InvalidValueException(
          "Observation.valueQuantity.comparator",
          quantity.getComparator().toCode(),
          "an exact score, without a comparator");
    }
    if (quantity.hasCode() && !unit.equals(quantity.getCode()) && !"1".equals(quantity.getCode())) {
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
