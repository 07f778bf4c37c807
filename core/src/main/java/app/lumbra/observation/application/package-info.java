/** Use cases for recording and listing symptom readings: commands in, views out. */
package app.lumbra.observation.application;
