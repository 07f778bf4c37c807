package app.lumbra.selfreport.application;

import app.lumbra.safety.domain.AdverseResponseKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * OUT-5: what the patient reports today through their link: pain (required, 0–10), optionally a
 * function questionnaire's total ({@code OSWESTRY} or {@code ROLAND_MORRIS}), the home-care tasks
 * done today (the others count as not done), pain medication doses in the last 24 hours, and an
 * adverse response after the last session (SAFE-3).
 */
public record SubmitSelfReport(
    @NotBlank String token,
    Integer pain,
    String functionMeasure,
    Integer functionScore,
    @NotNull Set<@NotNull String> homeCareDone,
    Integer medicationDoses,
    AdverseResponseKind adverseResponse,
    @Size(max = 2000) String note) {}
