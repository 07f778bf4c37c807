package app.lumbra.careplan.application;

import app.lumbra.careplan.domain.HomeCareKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** PLAN-9: a home-care task; {@code taskId} is null for a new task and kept across edits. */
public record HomeCareTaskData(
    String taskId, @NotNull HomeCareKind kind, @NotBlank @Size(max = 1000) String instructions) {}
