/** The red-flag screen (SAFE-1) exchanged as an Observation panel. */
package app.lumbra.fhir.safety;
