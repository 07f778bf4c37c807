package app.lumbra.adherence.domain;

/**
 * ADH-1 figures up to now.
 *
 * @param scheduledToDate sessions due by now; sessions the clinic cancelled excluded, those the
 *     patient cancelled included
 * @param cancelled sessions the clinic cancelled
 * @param cancelledByPatient sessions the patient cancelled (due, not attended)
 * @param unrecorded due sessions nobody has yet recorded as attended or missed
 * @param attendedShare attended / scheduledToDate, 0 when nothing was due yet
 */
public record Attendance(
    int scheduledToDate,
    int attended,
    int missed,
    int cancelled,
    int cancelledByPatient,
    int unrecorded,
    double attendedShare) {}
