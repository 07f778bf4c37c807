/** JPA storage of registered launching EHRs. */
package app.lumbra.ehrlaunch.persistence;
