/** The stored signing key and its repository port. */
package app.lumbra.signingkey.domain;
