/** JPA implementation of the context record repository. */
package app.lumbra.context.persistence;
