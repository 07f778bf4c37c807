/**
 * Outcomes over the episode (OUT-1..OUT-4): function trended beside pain, reassessments, the
 * maintenance review and discharge with its summary.
 */
package app.lumbra.outcome;
