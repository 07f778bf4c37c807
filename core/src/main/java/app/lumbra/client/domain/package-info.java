/** The registered client and its repository port. */
package app.lumbra.client.domain;
