/** JPA repository of the alerts. */
package app.lumbra.alert.persistence;
