package app.lumbra.safety.application;

import app.lumbra.safety.domain.AdverseResponseKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** SAFE-3: an adverse response after a session of a plan ({@code sessionId} optional). */
public record RecordAdverseResponse(
    @NotBlank String carePlanId,
    String sessionId,
    @NotNull AdverseResponseKind kind,
    @NotNull LocalDate noticedOn,
    String note,
    @NotBlank String author) {}
