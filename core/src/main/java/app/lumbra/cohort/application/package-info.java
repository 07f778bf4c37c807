/** Saving, reading and searching cohorts; the members an export goes through. */
package app.lumbra.cohort.application;
