/**
 * Bulk data export jobs: who asked for which patients' data of which types since when, how far the
 * export got, the files it wrote and when they expire.
 */
package app.lumbra.export;
