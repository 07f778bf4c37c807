/** JPA storage of audit records: insert and select only. */
package app.lumbra.audit.persistence;
