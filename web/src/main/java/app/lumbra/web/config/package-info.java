/** Start-up wiring: the schema migrations run when the web module starts. */
package app.lumbra.web.config;
