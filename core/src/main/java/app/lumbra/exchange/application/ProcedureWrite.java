package app.lumbra.exchange.application;

import app.lumbra.context.application.KeepContext;
import app.lumbra.session.application.SessionView;
import jakarta.validation.constraints.NotNull;
import java.util.function.Supplier;

/**
 * A Procedure a partner writes: {@code massage} whether its code says massage (FHIR-6), {@code
 * session} what it says as a session (translated only when it is recorded as one), {@code
 * asContext} keeps it as another procedure of the patient.
 */
public record ProcedureWrite(
    String id,
    Long expectedVersion,
    boolean massage,
    @NotNull Supplier<SessionStatement> session,
    @NotNull Supplier<KeepContext> asContext,
    @NotNull PartnerDocument<SessionView> document) {}
