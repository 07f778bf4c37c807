package app.lumbra.exchange.application;

import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.application.RecordCondition;
import app.lumbra.condition.application.ReviseCondition;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.context.application.KeepContext;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Condition a partner writes: {@code lowBackPain} whether its code says low-back pain (FHIR-6),
 * {@code statement} what it says as Lumbra's condition (translated only when it is recorded as
 * one), {@code asContext} keeps it as another problem of the patient; {@code structuralCauses} are
 * the causes its code names (PLAN-11) and {@code active} whether its clinical status is.
 */
public record ConditionWrite(
    String id,
    Long expectedVersion,
    boolean lowBackPain,
    @NotNull Supplier<Statement> statement,
    @NotNull Supplier<KeepContext> asContext,
    @NotNull List<StructuralCause> structuralCauses,
    boolean active,
    @NotNull PartnerDocument<ConditionView> document) {

  /** What the partner says of the patient's low-back pain, as the condition use cases take it. */
  public interface Statement {
    /** Recording it under {@code id}, or a new one when null. */
    RecordCondition toRecord(String id);

    /** Revising condition {@code id} from version {@code expectedVersion}. */
    ReviseCondition toRevise(String id, long expectedVersion);

    /** The day it resolved, when it did. */
    LocalDate resolvedOn();
  }
}
