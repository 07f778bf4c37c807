/** Account use cases (create, verify a sign-in, list) and the first administrator at start-up. */
package app.lumbra.account.application;
