/** JPA implementation of the care plan repository and version history; package-private. */
package app.lumbra.careplan.persistence;
