package app.lumbra.adherence.domain;

/**
 * ADH-3 for one task: share of the days the plan was active since it started on which it was done.
 * Days nobody logged count as not done, because that is what the share of days done means to the
 * clinician.
 */
public record HomeCareAdherence(String taskId, int daysDone, int daysElapsed, double shareDone) {}
