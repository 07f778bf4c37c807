package app.lumbra.fhir.condition;

import app.lumbra.condition.application.ConditionView;
import app.lumbra.exchange.application.ConditionExchange;
import app.lumbra.exchange.application.ConditionWrite;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;

/**
 * The FHIR writes of Condition, translated for the exchange use case ({@link ConditionExchange},
 * which owns the transaction and the rules) and its answer translated back. Low-back pain is
 * recognised by code (FHIR-6).
 */
@ApplicationScoped
public class ConditionWrites {

  private ConditionExchange exchange;
  private Clock clock;

  /** For the CDI proxy only. */
  protected ConditionWrites() {}

  @Inject
  public ConditionWrites(ConditionExchange exchange, Clock clock) {
    this.exchange = exchange;
    this.clock = clock;
  }

  public MethodOutcome create(Condition sent) {
    MustUnderstand.check(sent);
    return write(sent, null, null);
  }

  /** Update; If-Match names the version a stale one is 412 for; a new id is a create (FHIR-8). */
  public MethodOutcome update(IdType id, Condition sent) {
    MustUnderstand.check(sent);
    return write(sent, id.getIdPart(), Versions.expected(id));
  }

  private MethodOutcome write(Condition sent, String id, Long expectedVersion) {
    KeptResources.Answer<ConditionView, Condition> answer =
        KeptResources.answering(sent, ConditionFhirMapper::toFhir, Set.of());
    boolean active =
        Stream.of("resolved", "inactive", "remission")
            .noneMatch(
                status ->
                    Terminology.has(
                        sent.getClinicalStatus(), Terminology.CONDITION_CLINICAL, status));
    Written<ConditionView> written;
    try {
      written =
          exchange.write(
              new ConditionWrite(
                  id,
                  expectedVersion,
                  StandardInput.isLowBackPain(sent.getCode()),
                  () -> ConditionFhirMapper.toDomain(sent, LocalDate.now(clock)),
                  () -> ClinicalContext.toKeep(sent, id),
                  StandardInput.structuralCauses(sent.getCode()),
                  active,
                  answer));
    } catch (RuleViolationException refused) {
      throw ClinicalContext.at(refused, "Condition");
    }
    return ClinicalContext.answer(written, answer);
  }
}
