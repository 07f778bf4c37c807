package app.lumbra.outcome.application;

import app.lumbra.safety.domain.RedFlagItem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * OUT-2: completes a reassessment of a plan: today's pain (0–10), one function questionnaire
 * ({@code OSWESTRY} 0–100 or {@code ROLAND_MORRIS} 0–24) and the red-flag screen (SAFE-1: the items
 * answered yes, empty when clear). Values are checked by the service so that a wrong one is named
 * with its allowed range.
 */
public record CompleteReassessment(
    @NotBlank String carePlanId,
    Integer painScore,
    String functionMeasure,
    Integer functionScore,
    @NotNull Set<@NotNull RedFlagItem> redFlags,
    @Size(max = 2000) String note,
    @NotBlank @Size(max = 200) String author) {}
