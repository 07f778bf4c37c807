package app.lumbra.safety.domain;

/**
 * An alert a safety rule raises for a plan: the rule, how urgent, a short title and the reason in a
 * clinician's words, and the evidence it rests on (the same evidence is the same alert).
 */
public record SafetyAlert(
    String ruleId, AlertKind kind, String title, String reason, String evidenceKey) {}
