package app.lumbra.exchange.application;

import app.lumbra.context.application.KeepContext;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.application.RecordReading;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.safety.application.RecordRedFlagScreen;
import jakarta.validation.constraints.NotNull;
import java.util.function.Supplier;

/**
 * An Observation a partner writes: {@code reading} is what it says as a reading of one of Lumbra's
 * measures (null when it is not one; translated only when it is recorded as one, since a record
 * that stays context is never read as a reading), {@code contextSaid} whether it said when it was
 * taken relative to its session, {@code ifNoneExist} the conditional create's criteria; {@code
 * asContext} keeps it as clinical context; {@code screen} is the red-flag screen panel it is
 * (SAFE-1), null when it is none, of {@code screenedPatient}.
 */
public record ObservationWrite(
    String id,
    Long expectedVersion,
    Supplier<RecordReading> reading,
    boolean contextSaid,
    ReadingCriteria ifNoneExist,
    @NotNull Supplier<KeepContext> asContext,
    RecordRedFlagScreen screen,
    String screenedPatient,
    @NotNull PartnerDocument<ObservationView> document) {}
