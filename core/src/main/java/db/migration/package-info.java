/** Flyway migrations that must differ between H2 and PostgreSQL, beside the SQL scripts. */
package db.migration;
