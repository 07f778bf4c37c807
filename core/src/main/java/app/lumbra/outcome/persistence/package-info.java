/** JPA repositories of reassessments and discharge summaries. */
package app.lumbra.outcome.persistence;
