/** Mounts the FHIR R4 server of the fhir-adapter module at {@code /fhir}. */
package app.lumbra.web.fhir;
