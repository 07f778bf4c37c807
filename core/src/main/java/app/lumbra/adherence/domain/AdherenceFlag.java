package app.lumbra.adherence.domain;

/** Something about adherence a clinician should look at; names the rule that raised it. */
public record AdherenceFlag(String ruleId, String message, String suggestedNextStep) {}
