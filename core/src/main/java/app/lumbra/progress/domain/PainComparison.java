package app.lumbra.progress.domain;

/**
 * PROG-2: the pain level of the first 7 days of the plan against the last 7 days.
 *
 * @param change current − baseline (negative means better)
 * @param percentChange change as a percentage of the baseline, 0 when the baseline is 0
 */
public record PainComparison(
    double baseline,
    double current,
    double change,
    double percentChange,
    boolean importantImprovement,
    boolean importantRise) {}
