/**
 * Bulk Data Access 2.0 export: the {@code $export} kick-offs, status polling, NDJSON files on disk
 * and the background runner that writes them a patient and a page at a time.
 */
package app.lumbra.fhir.bulk;
