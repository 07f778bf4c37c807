/** Finds the signing key, creating it once. */
package app.lumbra.signingkey.application;
