package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.fhir.support.Elements;
import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.EnumSet;
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

  private static final Set<String> CONDITION =
      Set.of(
          "id",
          "meta",
          "text",
          "extension",
          "clinicalStatus",
          "code",
          "subject",
          "onset[x]",
          "abatement[x]",
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
    condition.setClinicalStatus(
        new CodeableConcept(
            new Coding(Terminology.CONDITION_CLINICAL, view.status().name().toLowerCase(), null)));
    condition.setCode(lowBackPain());
    condition.setSubject(Refs.to("Patient", view.patientId()));
    // FHIR-6: the onset date may not be known.
    if (view.onsetDate() != null) {
      condition.setOnset(new DateTimeType(view.onsetDate().toString()));
    }
    Ext.add(condition, Extensions.ONSET_TYPE, Terminology.coding(view.onsetType()));
    condition.setSeverity(Terminology.concept(view.severity()));
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
    return new CodeableConcept(
            new Coding(Terminology.SNOMED, Terminology.SNOMED_LOW_BACK_PAIN, "Low back pain"))
        .setText("Low back pain");
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
      LocalDate resolvedOn) {

    public RecordCondition toRecord() {
      if (resolvedOn != null) {
        throw new InvalidValueException(
            "Condition.clinicalStatus",
            "resolved",
            "active: record the condition, then resolve it");
      }
      return new RecordCondition(
          patientId, onsetType, onsetDate, painScore, severity, structuralCauses, note);
    }

    public ReviseCondition toRevise(String id, long expectedVersion) {
      return new ReviseCondition(
          id, expectedVersion, onsetType, onsetDate, painScore, severity, structuralCauses, note);
    }
  }

  public static ConditionData toDomain(Condition condition) {
    Elements.onlyThese(condition, "Condition", CONDITION, EXTENSIONS);
    if (!Terminology.has(
        condition.getCode(), Terminology.SNOMED, Terminology.SNOMED_LOW_BACK_PAIN)) {
      throw new InvalidValueException(
          "Condition.code",
          condition.getCode().getCodingFirstRep().getCode(),
          Terminology.SNOMED + "|" + Terminology.SNOMED_LOW_BACK_PAIN + " (low back pain)");
    }
    Terminology.onlyCodings(
        condition.getCode(), "Condition.code", lowBackPain().getCodingFirstRep());
    ConditionStatus status = clinicalStatus(condition.getClinicalStatus());
    Terminology.onlyCodings(
        condition.getClinicalStatus(),
        "Condition.clinicalStatus",
        new Coding(Terminology.CONDITION_CLINICAL, status.name().toLowerCase(), null));
    Coding onsetType = Ext.value(condition, Extensions.ONSET_TYPE, Coding.class);
    IntegerType score = Ext.value(condition, Extensions.SEVERITY_SCORE, IntegerType.class);
    Set<StructuralCause> causes = EnumSet.noneOf(StructuralCause.class);
    for (int i = 0; i < condition.getEvidence().size(); i++) {
      Condition.ConditionEvidenceComponent evidence = condition.getEvidence().get(i);
      String path = "Condition.evidence[" + i + "]";
      Elements.onlyThese(evidence, path, Set.of("code"), Set.of());
      for (int j = 0; j < evidence.getCode().size(); j++) {
        CodeableConcept code = evidence.getCode().get(j);
        StructuralCause cause = Terminology.parse(StructuralCause.class, path + ".code", code);
        Terminology.onlyCodings(code, path + ".code[" + j + "]", Terminology.coding(cause));
        causes.add(cause);
      }
    }
    if (condition.getNote().size() > 1) {
      throw Elements.unsupported("Condition.note[1]");
    }
    if (condition.hasOnset() && !condition.hasOnsetDateTimeType()) {
      throw new InvalidValueException("Condition.onset[x]", "not a date", "onsetDateTime");
    }
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
    SeverityCategory severity =
        condition.hasSeverity()
            ? Terminology.parse(
                SeverityCategory.class, "Condition.severity", condition.getSeverity())
            : null;
    if (severity != null) {
      Terminology.onlyCodings(
          condition.getSeverity(), "Condition.severity", Terminology.coding(severity));
    }
    return new ConditionData(
        Refs.required("Condition.subject", "Patient", condition.getSubject()),
        onsetType == null
            ? null
            : Terminology.parse(OnsetType.class, "Condition.extension(onset-type)", onsetType),
        condition.hasOnsetDateTimeType()
            ? FhirTime.localDate("Condition.onsetDateTime", condition.getOnsetDateTimeType())
            : null,
        score == null ? null : score.getValue(),
        severity,
        causes,
        condition.hasNote() ? condition.getNoteFirstRep().getText() : null,
        resolvedOn);
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
