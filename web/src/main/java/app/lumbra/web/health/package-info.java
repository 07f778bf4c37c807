/** MicroProfile Health checks: whether Lumbra can serve requests right now. */
package app.lumbra.web.health;
