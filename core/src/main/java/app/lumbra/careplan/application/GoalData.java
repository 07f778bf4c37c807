package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.GoalStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A goal such as "pain at most 3 by a date"; {@code goalId} is null for a new goal. */
public record GoalData(
    String goalId,
    @NotBlank @Size(max = 500) String description,
    @Min(0) @Max(10) Integer targetPainAtMost,
    @NotNull LocalDate startDate,
    LocalDate dueDate,
    @NotNull GoalStatus status) {}
