/** The treatment session aggregate, its value objects, lifecycle rules and repository port. */
package app.lumbra.session.domain;
