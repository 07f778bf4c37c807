/** Administrators' portal pages: accounts, registered backend clients and the audit trail. */
package app.lumbra.web.portal.admin;
