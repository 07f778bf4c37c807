/** Runtime configuration: the data source chosen from MicroProfile Config. */
package app.lumbra.web.config;
