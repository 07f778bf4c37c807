/** Care plan use cases for the FHIR adapter and the portal: commands in, views out. */
package app.lumbra.careplan.application;
