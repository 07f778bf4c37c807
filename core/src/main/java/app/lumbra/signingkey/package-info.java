/**
 * Lumbra's own token signing key: kept in the database so the tokens of the SMART Backend Services
 * endpoint survive a restart and every instance of a cluster signs with the same key.
 */
package app.lumbra.signingkey;
