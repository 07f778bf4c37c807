/** Keeping and finding context records: commands in, views out. */
package app.lumbra.context.application;
