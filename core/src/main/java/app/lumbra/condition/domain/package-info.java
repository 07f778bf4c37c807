/** The condition aggregate, its codes and value objects, and its repository port. */
package app.lumbra.condition.domain;
