/** JPA storage of signing keys. */
package app.lumbra.signingkey.persistence;
