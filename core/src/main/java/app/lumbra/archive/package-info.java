/**
 * Archive of record versions as they were exchanged: an opaque snapshot per version of a record
 * whose own module keeps only the current version, so that exchange partners can read history.
 */
package app.lumbra.archive;
