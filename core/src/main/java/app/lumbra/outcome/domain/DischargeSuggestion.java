package app.lumbra.outcome.domain;

/** OUT-3: a reason the system sees to discharge the patient now, with the evidence in words. */
public record DischargeSuggestion(DischargeReason reason, String explanation) {}
