/**
 * SMART Backend Services clients (issue 6): EHR systems registered by an administrator with their
 * public keys and the system scopes they may be granted.
 */
package app.lumbra.client;
