/** JPA storage of care team assignments. */
package app.lumbra.careteam.persistence;
