/** The runnable web application: wiring of the modules, configuration, health and endpoints. */
package app.lumbra.web;
