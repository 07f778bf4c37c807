/** JPA storage of registered clients. */
package app.lumbra.client.persistence;
