/** Use cases for scheduling and recording treatment sessions: commands in, views out. */
package app.lumbra.session.application;
