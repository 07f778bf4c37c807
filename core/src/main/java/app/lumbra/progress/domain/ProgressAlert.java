package app.lumbra.progress.domain;

/** Something the clinician should act on; names the rule that raised it and the next step. */
public record ProgressAlert(String ruleId, NextStep suggestedNextStep, String message) {}
