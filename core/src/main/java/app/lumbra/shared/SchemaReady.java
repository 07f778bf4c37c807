package app.lumbra.shared;

/**
 * Fired (as a CDI event) once the schema is migrated at start-up, before any request is served.
 * Start-up work that needs the database observes it; start-up EJBs are not used because the core
 * jar is a plain library in the EAR packaging, where no EJB would be deployed from it.
 */
public record SchemaReady() {}
