/** Portal accounts: who may sign in, with which roles (clinician, admin) and care team. */
package app.lumbra.account;
