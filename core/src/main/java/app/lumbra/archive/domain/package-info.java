/** The archived version entity, its query criteria and its repository port. */
package app.lumbra.archive.domain;
