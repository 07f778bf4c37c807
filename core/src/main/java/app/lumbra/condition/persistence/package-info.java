/** JPA implementation of the condition repository; package-private, reached through the port. */
package app.lumbra.condition.persistence;
