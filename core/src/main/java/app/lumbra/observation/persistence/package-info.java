/** JPA implementation of the symptom observation repository. */
package app.lumbra.observation.persistence;
