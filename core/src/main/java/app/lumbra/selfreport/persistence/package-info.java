/** JPA repository of patient links. */
package app.lumbra.selfreport.persistence;
