/** The exchange use cases (see the package {@code app.lumbra.exchange}). */
package app.lumbra.exchange.application;
