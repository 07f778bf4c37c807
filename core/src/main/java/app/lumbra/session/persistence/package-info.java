/** JPA implementation of the treatment session repository. */
package app.lumbra.session.persistence;
