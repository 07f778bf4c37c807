/** Portal page that records a session (OBS-3). */
package app.lumbra.web.portal.sessions;
