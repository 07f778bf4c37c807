/** FHIR R4 exchange of the care domain over HAPI FHIR's plain server. */
package app.lumbra.fhir;
