package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.StandardInput;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
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

  /** For the CDI proxy only. */
  protected ConditionWrites() {}

  @Inject
  public ConditionWrites(ConditionService conditions, ClinicalContext context, KeptResources kept) {
    this.conditions = conditions;
    this.context = context;
    this.kept = kept;
  }

  public MethodOutcome create(Condition sent) {
    MustUnderstand.check(sent);
    if (!StandardInput.isLowBackPain(sent.getCode())) {
      return context.keep(sent, null, null);
    }
    ConditionFhirMapper.ConditionData data = ConditionFhirMapper.toDomain(sent);
    ConditionView created = conditions.record(data.toRecord());
    return new MethodOutcome(idOf(created), true)
        .setResource(kept.written(sent, ConditionFhirMapper.toFhir(created), Set.of()));
  }

  /** Update; If-Match names the version a stale one is 412 for. */
  public MethodOutcome update(IdType id, Condition sent) {
    MustUnderstand.check(sent);
    if (context.has("Condition", id.getIdPart()) || !StandardInput.isLowBackPain(sent.getCode())) {
      return context.keep(sent, id.getIdPart(), Versions.expected(id));
    }
    ConditionFhirMapper.ConditionData data = ConditionFhirMapper.toDomain(sent);
    ConditionView current = conditions.get(id.getIdPart());
    Long expected = Versions.expected(id);
    long version = expected != null ? expected : current.version();
    ConditionView updated =
        conditions.replace(data.toRevise(id.getIdPart(), version), data.resolvedOn());
    return new MethodOutcome(idOf(updated), false)
        .setResource(kept.written(sent, ConditionFhirMapper.toFhir(updated), Set.of()));
  }

  static IdType idOf(ConditionView view) {
    return new IdType("Condition", view.id(), Long.toString(view.version()));
  }
}
