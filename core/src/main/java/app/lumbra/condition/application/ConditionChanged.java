package app.lumbra.condition.application;

/**
 * A condition was recorded ({@code previous} null), revised or resolved, through any channel. Fired
 * inside the transaction of the change, after the new version is written.
 */
public record ConditionChanged(ConditionView previous, ConditionView current) {}
