/** Wiring of the Bulk Data export: the periodic deletion of expired export files. */
package app.lumbra.web.bulk;
