/** The HAPI {@code RestfulServer}: configuration, capability statement, interceptors. */
package app.lumbra.fhir.server;
