/** Portal sign-in: Jakarta Security form login against the accounts stored in the database. */
package app.lumbra.web.portal.security;
