/** JPA implementation of the account repository; package-private, reached only through the port. */
package app.lumbra.account.persistence;
