package app.lumbra.careplan.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Everything a clinician edits in a plan, as it travels in and out: what a recommendation proposes,
 * what a draft is created from and what an edit replaces.
 */
public record PlanContentData(
    @Size(max = 200) String title,
    @NotNull @Valid FactorsData factors,
    @NotEmpty List<@Valid @NotNull PhaseData> phases,
    @NotNull List<@Valid @NotNull SessionData> sessions,
    @Size(max = 2000) String exerciseProgramme,
    @NotNull List<@Valid @NotNull HomeCareTaskData> homeCareTasks,
    @NotNull List<@Valid @NotNull GoalData> goals,
    boolean coManagementFlagged,
    @Size(max = 2000) String expectations) {}
