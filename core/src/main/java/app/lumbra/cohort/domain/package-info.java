/** The cohort, a named list of patients, and its repository port. */
package app.lumbra.cohort.domain;
