package app.lumbra.exchange.application;

import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordStructuralFinding;
import app.lumbra.condition.application.StructuralFindingService;
import app.lumbra.context.application.ContextView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A Condition a partner writes, in one transaction: low-back pain is Lumbra's to record under its
 * rules; any other condition (a partner's problem list) is kept as the patient's clinical context
 * (FHIR-1), and one whose code names a structural cause is a finding for PLAN-11 while it is
 * active. An update with a new id is a create (FHIR-8); If-Match names the version a stale one is
 * refused for.
 */
@ApplicationScoped
@Transactional
public class ConditionExchange {

  static final String TYPE = "Condition";

  private ConditionService conditions;
  private StructuralFindingService findings;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected ConditionExchange() {}

  @Inject
  public ConditionExchange(
      ConditionService conditions, StructuralFindingService findings, PartnerRecords partner) {
    this.conditions = conditions;
    this.findings = findings;
    this.partner = partner;
  }

  /** Create ({@code write.id()} null) or update of {@code write.id()}. */
  public Written<ConditionView> write(@NotNull @Valid ConditionWrite write) {
    String id = write.id();
    if (!write.lowBackPain() || id != null && partner.isContext(TYPE, id)) {
      return keptAsContext(write);
    }
    ConditionWrite.Statement statement = write.statement().get();
    if (id == null || !conditions.exists(id)) {
      return kept(write, conditions.record(statement.toRecord(id)), true);
    }
    long version =
        write.expectedVersion() != null ? write.expectedVersion() : conditions.get(id).version();
    return kept(
        write, conditions.replace(statement.toRevise(id, version), statement.resolvedOn()), false);
  }

  private Written<ConditionView> kept(
      ConditionWrite write, ConditionView written, boolean created) {
    partner.keepBeside(TYPE, written.id(), written.version(), write.document().beside(written));
    return Written.record(written, created);
  }

  /** PLAN-11: a kept problem that names a structural cause is a finding while it is active. */
  private Written<ConditionView> keptAsContext(ConditionWrite write) {
    ContextView kept = partner.keep(write.asContext().get(), write.expectedVersion());
    String recordId = kept.recordId();
    boolean known = findings.exists(recordId);
    if (!write.structuralCauses().isEmpty() && write.active() && !known) {
      findings.record(
          new RecordStructuralFinding(recordId, kept.patientId(), write.structuralCauses().get(0)));
    } else if (known && (write.structuralCauses().isEmpty() || !write.active())) {
      findings.end(recordId);
    }
    return Written.context(kept);
  }
}
