/**
 * Web-wide security: security headers on every response, the SMART configuration document and the
 * SMART Backend Services token endpoint.
 */
package app.lumbra.web.security;
