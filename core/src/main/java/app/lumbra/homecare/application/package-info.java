/** Use cases for logging home care: commands in, views out. */
package app.lumbra.homecare.application;
