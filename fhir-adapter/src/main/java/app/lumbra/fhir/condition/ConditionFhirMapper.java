package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.exchange.application.ConditionWrite;
import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;

/**
 * Low-back pain ⇄ FHIR {@code Condition} (FHIR-1): SNOMED CT low-back pain, onset date and type,
 * severity (category and pain score), structural causes as {@code evidence} (PLAN-11), note,
 * clinical status and abatement date.
 */
public final class ConditionFhirMapper {

  private static final String CONDITION_VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  /**
   * The elements the domain owns (FHIR-1 "keep"): the projection is their authority; everything
   * else a partner sends is kept as sent.
   */
  public static final Set<String> OWNED =
      Set.of(
          "extension",
          "clinicalStatus",
          // Emitted (problem-list-item) and regenerated on output, so a read-back is accepted.
          "category",
          "code",
          "subject",
          "onset",
          "abatement",
          "recordedDate",
          "severity",
          "evidence",
          "note");

  private static final Set<String> EXTENSIONS =
      Set.of(Extensions.ONSET_TYPE, Extensions.SEVERITY_SCORE);
  private static final String CLINICAL_ALLOWED = "active or resolved (condition-clinical)";

  private ConditionFhirMapper() {}

  public static Condition toFhir(ConditionView view) {
    Condition condition = new Condition();
    condition.setIdElement(new IdType("Condition", view.id(), Long.toString(view.version())));
    condition.getMeta().setVersionId(Long.toString(view.version()));
    condition.getMeta().setLastUpdated(FhirTime.date(view.updatedAt()));
    condition.getMeta().addProfile(Terminology.US_CORE_CONDITION);
    condition.setClinicalStatus(
        new CodeableConcept(
            new Coding(Terminology.CONDITION_CLINICAL, view.status().name().toLowerCase(), null)));
    condition.addCategory(
        new CodeableConcept(
            new Coding(
                Terminology.CONDITION_CATEGORY,
                Terminology.PROBLEM_LIST_ITEM,
                "Problem List Item")));
    condition.setCode(lowBackPain());
    condition.setSubject(Refs.to("Patient", view.patientId()));
    // FHIR-6: the onset date may not be known.
    if (view.onsetDate() != null) {
      condition.setOnset(new DateTimeType(view.onsetDate().toString()));
    }
    if (view.onsetType() != OnsetType.UNKNOWN) {
      Ext.add(condition, Extensions.ONSET_TYPE, Terminology.coding(view.onsetType()));
    }
    condition.setSeverity(Terminology.severity(view.severity()));
    if (view.painScore() != null) {
      Ext.add(condition, Extensions.SEVERITY_SCORE, new IntegerType(view.painScore()));
    }
    for (StructuralCause cause : EnumSet.copyOf(withNone(view.structuralCauses()))) {
      condition.addEvidence().addCode(Terminology.concept(cause));
    }
    if (view.note() != null) {
      condition.addNote().setText(view.note());
    }
    if (view.resolvedOn() != null) {
      condition.setAbatement(new DateTimeType(view.resolvedOn().toString()));
    }
    condition.setRecordedDateElement(FhirTime.dateTime(view.recordedAt()));
    return condition;
  }

  private static Set<StructuralCause> withNone(Set<StructuralCause> causes) {
    return causes.isEmpty() ? EnumSet.noneOf(StructuralCause.class) : causes;
  }

  private static CodeableConcept lowBackPain() {
    return Terminology.lowBackPain();
  }

  /** The facts a FHIR client sends about a condition. */
  public record ConditionData(
      String patientId,
      OnsetType onsetType,
      LocalDate onsetDate,
      Integer painScore,
      SeverityCategory severity,
      Set<StructuralCause> structuralCauses,
      String note,
      LocalDate resolvedOn)
      implements ConditionWrite.Statement {

    public RecordCondition toRecord() {
      return toRecord(null);
    }

    /** Recording under the client's id, or a new one when {@code id} is null (FHIR-8). */
    @Override
    public RecordCondition toRecord(String id) {
      if (resolvedOn != null) {
        throw new InvalidValueException(
            "Condition.clinicalStatus",
            "resolved",
            "active: record the condition, then resolve it");
      }
      return new RecordCondition(
          id, patientId, onsetType, onsetDate, painScore, severity, structuralCauses, note);
    }

    @Override
    public ReviseCondition toRevise(String id, long expectedVersion) {
      return new ReviseCondition(
          id, expectedVersion, onsetType, onsetDate, painScore, severity, structuralCauses, note);
    }
  }

  /** The condition a client sends; {@code today} dates an onset with no recorded date. */
  public static ConditionData toDomain(Condition condition, LocalDate today) {
    if (!StandardInput.isLowBackPain(condition.getCode())) {
      throw new InvalidValueException(
          "Condition.code",
          condition.getCode().getCodingFirstRep().getCode(),
          Terminology.SNOMED
              + "|"
              + Terminology.SNOMED_LOW_BACK_PAIN
              + " or ICD-10-CM M54.5x / M54.4x (low back pain)");
    }
    refuseRefuted(condition.getVerificationStatus());
    ConditionStatus status = clinicalStatus(condition.getClinicalStatus());
    Coding onsetType = Ext.value(condition, Extensions.ONSET_TYPE, Coding.class);
    IntegerType score = Ext.value(condition, Extensions.SEVERITY_SCORE, IntegerType.class);
    // PLAN-11 causes: Lumbra's codes or standard ones in the evidence, and the condition's own
    // code (lumbago with sciatica); evidence Lumbra does not recognise is kept as sent.
    Set<StructuralCause> causes = EnumSet.noneOf(StructuralCause.class);
    causes.addAll(StandardInput.structuralCauses(condition.getCode()));
    for (Condition.ConditionEvidenceComponent evidence : condition.getEvidence()) {
      for (CodeableConcept code : evidence.getCode()) {
        Terminology.find(StructuralCause.class, code).ifPresent(causes::add);
        causes.addAll(StandardInput.structuralCauses(code));
      }
    }
    if (condition.hasOnset()
        && !condition.hasOnsetDateTimeType()
        && !(condition.hasOnsetPeriod() && condition.getOnsetPeriod().hasStart())) {
      throw new InvalidValueException(
          "Condition.onset[x]",
          condition.getOnset().fhirType(),
          "onsetDateTime or onsetPeriod with a start");
    }
    LocalDate onsetDate =
        condition.hasOnsetDateTimeType()
            ? FhirTime.localDate("Condition.onsetDateTime", condition.getOnsetDateTimeType())
            : condition.hasOnsetPeriod()
                ? FhirTime.localDate(
                    "Condition.onsetPeriod.start", condition.getOnsetPeriod().getStartElement())
                : null;
    LocalDate resolvedOn =
        condition.hasAbatementDateTimeType()
            ? FhirTime.localDate(
                "Condition.abatementDateTime", condition.getAbatementDateTimeType())
            : null;
    if ((status == ConditionStatus.RESOLVED) != (resolvedOn != null)) {
      throw new InvalidValueException(
          "Condition.abatementDateTime",
          resolvedOn,
          "a date exactly when clinicalStatus is resolved");
    }
    // FHIR-6: a problem-list entry often says no severity; it is then not known (PLAN-3 plans as
    // for moderate pain and says so), never guessed.
    SeverityCategory severity =
        condition.hasSeverity()
            ? Terminology.find(SeverityCategory.class, condition.getSeverity())
                .or(() -> StandardInput.severity(condition.getSeverity()))
                .orElseThrow(
                    () ->
                        new InvalidValueException(
                            "Condition.severity",
                            condition.getSeverity().getCodingFirstRep().getCode(),
                            "SNOMED CT 255604002 mild, 6736007 moderate or 24484000 severe"))
            : score == null ? SeverityCategory.UNKNOWN : null;
    return new ConditionData(
        Refs.required("Condition.subject", "Patient", condition.getSubject()),
        // FHIR-6: without Lumbra's extension, the onset type follows from the onset date as of
        // the day the condition was recorded (OnsetType.sinceOnset), else it is not known.
        onsetType != null
            ? Terminology.parse(OnsetType.class, "Condition.extension(onset-type)", onsetType)
            : OnsetType.sinceOnset(
                onsetDate,
                condition.hasRecordedDate()
                    ? condition
                        .getRecordedDateElement()
                        .getValue()
                        .toInstant()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                    : today),
        onsetDate,
        score == null ? null : score.getValue(),
        severity,
        causes,
        condition.hasNote() ? condition.getNoteFirstRep().getText() : null,
        resolvedOn);
  }

  /**
   * {@code verificationStatus} is a modifier (FHIR R4): a condition refuted or entered in error is
   * not one Lumbra may plan care for, and ignoring the status would.
   */
  private static void refuseRefuted(CodeableConcept verification) {
    for (String code : List.of("refuted", "entered-in-error")) {
      if (Terminology.has(verification, CONDITION_VERIFICATION, code)) {
        throw new InvalidValueException(
            "Condition.verificationStatus",
            code,
            "confirmed, provisional, differential or unconfirmed");
      }
    }
  }

  private static ConditionStatus clinicalStatus(CodeableConcept concept) {
    if (concept == null || concept.isEmpty()) {
      return ConditionStatus.ACTIVE;
    }
    for (ConditionStatus status : ConditionStatus.values()) {
      if (Terminology.has(concept, Terminology.CONDITION_CLINICAL, status.name().toLowerCase())) {
        return status;
      }
    }
    throw new InvalidValueException(
        "Condition.clinicalStatus", concept.getCodingFirstRep().getCode(), CLINICAL_ALLOWED);
  }
}
