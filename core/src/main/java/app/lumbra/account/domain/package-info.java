/** The account aggregate, its roles and the repository and password-hashing ports. */
package app.lumbra.account.domain;
