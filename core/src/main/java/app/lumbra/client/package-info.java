/**
 * SMART Backend Services clients: EHR systems registered by an administrator with their public keys
 * and the system scopes they may be granted.
 */
package app.lumbra.client;
