/** Registering, listing and disabling backend clients. */
package app.lumbra.client.application;
