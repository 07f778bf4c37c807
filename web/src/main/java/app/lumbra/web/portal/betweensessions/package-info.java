/**
 * Portal page for what happens between sessions: diary readings and home care (OBS-1, OBS-2,
 * ADH-3).
 */
package app.lumbra.web.portal.betweensessions;
