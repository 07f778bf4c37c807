/** JPA repository of export jobs. */
package app.lumbra.export.persistence;
