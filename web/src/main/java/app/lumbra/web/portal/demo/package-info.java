/**
 * Demo data for a first look at a populated portal, loaded through the application services only
 * when {@code lumbra.demo-data=true}; never active otherwise.
 */
package app.lumbra.web.portal.demo;
