/**
 * Schema ownership: versioned Flyway migrations applied at start-up, shared by H2 and PostgreSQL.
 */
package app.lumbra.shared.persistence;
