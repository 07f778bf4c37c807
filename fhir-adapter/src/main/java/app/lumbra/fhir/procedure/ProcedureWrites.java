package app.lumbra.fhir.procedure;

import app.lumbra.exchange.application.ProcedureExchange;
import app.lumbra.exchange.application.ProcedureWrite;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.session.application.SessionView;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;

/**
 * The FHIR writes of Procedure, translated for the exchange use case ({@link ProcedureExchange},
 * which owns the transaction and the rules) and its answer translated back. A massage is SNOMED CT
 * 387854002 (FHIR-6).
 */
@ApplicationScoped
public class ProcedureWrites {

  private ProcedureExchange exchange;

  /** For the CDI proxy only. */
  protected ProcedureWrites() {}

  @Inject
  public ProcedureWrites(ProcedureExchange exchange) {
    this.exchange = exchange;
  }

  public MethodOutcome create(Procedure sent) {
    MustUnderstand.check(sent);
    return write(sent, null, null);
  }

  public MethodOutcome update(IdType id, Procedure sent) {
    MustUnderstand.check(sent);
    return write(sent, id.getIdPart(), Versions.expected(id));
  }

  private MethodOutcome write(Procedure sent, String id, Long expectedVersion) {
    KeptResources.Answer<SessionView, Procedure> answer =
        KeptResources.answering(sent, ProcedureFhirMapper::toFhir, Set.of());
    Written<SessionView> written;
    try {
      written =
          exchange.write(
              new ProcedureWrite(
                  id,
                  expectedVersion,
                  StandardInput.isMassage(sent.getCode()),
                  () -> ProcedureFhirMapper.toDomain(sent),
                  () -> ClinicalContext.toKeep(sent, id),
                  answer));
    } catch (RuleViolationException refused) {
      throw ClinicalContext.at(refused, "Procedure");
    }
    return ClinicalContext.answer(written, answer);
  }
}
