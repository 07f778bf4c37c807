/** The context record entity, its search criteria and its repository port. */
package app.lumbra.context.domain;
