/** Configuration of the adherence thresholds marked default in the product rules. */
package app.lumbra.adherence.application;
