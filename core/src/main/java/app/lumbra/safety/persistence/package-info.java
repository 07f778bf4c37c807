/** JPA repositories of the safety records. */
package app.lumbra.safety.persistence;
