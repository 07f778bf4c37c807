package app.lumbra.safety.application;

import app.lumbra.safety.domain.RedFlagItem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** SAFE-1: a screen of a plan; {@code positive} are the items answered yes (empty: clear). */
public record RecordRedFlagScreen(
    @NotBlank String carePlanId,
    @NotNull Set<@NotNull RedFlagItem> positive,
    String note,
    @NotBlank String author) {}
