/** JPA storage of cohorts and their members. */
package app.lumbra.cohort.persistence;
