/** JPA implementation of the archive repository. */
package app.lumbra.archive.persistence;
