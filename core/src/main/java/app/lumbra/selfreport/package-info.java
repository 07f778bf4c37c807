/**
 * The patient's own reports between sessions (OUT-5): a personal, expiring link, and what the
 * patient reports through it, recorded as patient-reported readings, home care and adverse
 * responses.
 */
package app.lumbra.selfreport;
