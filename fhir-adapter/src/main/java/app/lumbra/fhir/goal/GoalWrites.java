package app.lumbra.fhir.goal;

import app.lumbra.careplan.application.GoalView;
import app.lumbra.exchange.application.GoalExchange;
import app.lumbra.exchange.application.GoalWrite;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;

/**
 * The FHIR writes of Goal, translated for the exchange use case ({@link GoalExchange}, which owns
 * the transaction and the rules) and its answer translated back.
 */
@ApplicationScoped
public class GoalWrites {

  private GoalExchange exchange;

  /** For the CDI proxy only. */
  protected GoalWrites() {}

  @Inject
  public GoalWrites(GoalExchange exchange) {
    this.exchange = exchange;
  }

  public MethodOutcome create(Goal sent) {
    MustUnderstand.check(sent);
    return write(sent, null, null);
  }

  public MethodOutcome update(IdType id, Goal sent) {
    MustUnderstand.check(sent);
    return write(sent, id.getIdPart(), Versions.expected(id));
  }

  private MethodOutcome write(Goal sent, String goalId, Long expectedVersion) {
    KeptResources.Answer<GoalView, Goal> answer =
        KeptResources.answering(sent, GoalFhirMapper::toFhir, Set.of());
    Written<GoalView> written;
    try {
      written =
          exchange.write(
              new GoalWrite(
                  goalId,
                  expectedVersion,
                  GoalFhirMapper.carePlanId(sent),
                  () ->
                      new GoalWrite.PlanGoal(
                          Refs.id("Goal.subject", "Patient", sent.getSubject()),
                          GoalFhirMapper.toDomain(sent, goalId),
                          CarePlanFhirMapper.DEFAULT_AUTHOR),
                  () -> ClinicalContext.toKeep(sent, goalId),
                  answer));
    } catch (RuleViolationException refused) {
      throw ClinicalContext.at(refused, "Goal");
    }
    return ClinicalContext.answer(written, answer);
  }
}
