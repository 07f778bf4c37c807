package app.lumbra.fhir.server;

/**
 * Marks a HAPI plain provider (system-level operations such as transaction Bundles), so that the
 * web module can register every such CDI bean next to the resource providers.
 */
public interface PlainProvider {}
