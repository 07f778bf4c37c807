package app.lumbra.advice.domain;

/**
 * One piece of advice for a clinician in the EHR: its urgency, the rule behind it, a summary of at
 * most 140 characters, the detail in clinical words, and the Lumbra patient it is about.
 */
public record Advice(
    AdviceUrgency urgency, String ruleId, String summary, String detail, String patientId) {

  /** The longest summary an EHR card shows in full. */
  public static final int SUMMARY_LENGTH = 140;

  public Advice {
    summary =
        summary.length() <= SUMMARY_LENGTH
            ? summary
            : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
  }
}
