package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordStructuralFinding;
import app.lumbra.condition.application.StructuralFindingService;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.fhir.terminology.Terminology;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;

/**
 * The FHIR write use cases of Condition, each in its own transaction (joined by a transaction
 * Bundle's): low-back pain, recognised by code (FHIR-6), is Lumbra's to record under its rules; any
 * other condition (a partner's problem list) is kept as the patient's clinical context (FHIR-1).
 * What the partner sent beyond the domain is kept beside it.
 */
@ApplicationScoped
@Transactional
public class ConditionWrites {

  private ConditionService conditions;
  private ClinicalContext context;
  private KeptResources kept;
  private StructuralFindingService findings;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ConditionWrites() {}

  @Inject
  public ConditionWrites(
      ConditionService conditions,
      ClinicalContext context,
      KeptResources kept,
      StructuralFindingService findings,
      Clock clock) {
    this.conditions = conditions;
    this.context = context;
    this.kept = kept;
    this.findings = findings;
    this.clock = clock;
  }

  public MethodOutcome create(Condition sent) {
    MustUnderstand.check(sent);
    return created(sent, null);
  }

  private MethodOutcome created(Condition sent, String id) {
    if (!StandardInput.isLowBackPain(sent.getCode())) {
      return keptAsContext(sent, id, null);
    }
    ConditionFhirMapper.ConditionData data =
        ConditionFhirMapper.toDomain(sent, LocalDate.now(clock));
    ConditionView created = conditions.record(data.toRecord(id));
    return new MethodOutcome(idOf(created), true)
        .setResource(kept.written(sent, ConditionFhirMapper.toFhir(created), Set.of()));
  }

  /** Update; If-Match names the version a stale one is 412 for; a new id is a create (FHIR-8). */
  public MethodOutcome update(IdType id, Condition sent) {
    MustUnderstand.check(sent);
    if (context.has("Condition", id.getIdPart()) || !StandardInput.isLowBackPain(sent.getCode())) {
      return keptAsContext(sent, id.getIdPart(), Versions.expected(id));
    }
    if (!conditions.exists(id.getIdPart())) {
      return created(sent, id.getIdPart());
    }
    ConditionFhirMapper.ConditionData data =
        ConditionFhirMapper.toDomain(sent, LocalDate.now(clock));
    ConditionView current = conditions.get(id.getIdPart());
    Long expected = Versions.expected(id);
    long version = expected != null ? expected : current.version();
    ConditionView updated =
        conditions.replace(data.toRevise(id.getIdPart(), version), data.resolvedOn());
    return new MethodOutcome(idOf(updated), false)
        .setResource(kept.written(sent, ConditionFhirMapper.toFhir(updated), Set.of()));
  }

  /**
   * Another problem of the patient, kept as clinical context; one whose code names a structural
   * cause (a lumbar disc disorder, say) is also a finding for PLAN-11 while it is active.
   */
  private MethodOutcome keptAsContext(Condition sent, String id, Long expectedVersion) {
    MethodOutcome outcome = context.keep(sent, id, expectedVersion);
    String recordId = outcome.getId().getIdPart();
    List<StructuralCause> causes = StandardInput.structuralCauses(sent.getCode());
    boolean active =
        Stream.of("resolved", "inactive", "remission")
            .noneMatch(
                status ->
                    Terminology.has(
                        sent.getClinicalStatus(), Terminology.CONDITION_CLINICAL, status));
    boolean known = findings.exists(recordId);
    if (!causes.isEmpty() && active && !known) {
      findings.record(
          new RecordStructuralFinding(
              recordId,
              Refs.required("Condition.subject", "Patient", sent.getSubject()),
              causes.get(0)));
    } else if (known && (causes.isEmpty() || !active)) {
      findings.end(recordId);
    }
    return outcome;
  }

  static IdType idOf(ConditionView view) {
    return new IdType("Condition", view.id(), Long.toString(view.version()));
  }
}
