/** The audit record and its append-only repository port. */
package app.lumbra.audit.domain;
