/** Recording accesses and reading the audit trail. */
package app.lumbra.audit.application;
