package app.lumbra.adherence.domain;

/**
 * ADH-1 figures up to now.
 *
 * @param scheduledToDate sessions due by now, cancelled ones excluded
 * @param unrecorded due sessions nobody has yet recorded as attended or missed
 * @param attendedShare attended / scheduledToDate, 0 when nothing was due yet
 */
public record Attendance(
    int scheduledToDate,
    int attended,
    int missed,
    int cancelled,
    int unrecorded,
    double attendedShare) {}
