package app.lumbra.session.application;

/**
 * A treatment session was scheduled or recorded ({@code previous} null), or attended, missed or
 * cancelled, through any channel. Fired inside the transaction of the change, after the new version
 * is written.
 */
public record SessionChanged(SessionView previous, SessionView current) {}
