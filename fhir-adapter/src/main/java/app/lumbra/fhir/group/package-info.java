/**
 * FHIR {@code Group} of persons: a list of patients a client names (a cohort), created, read and
 * searched, and exported with {@code Group/[id]/$export}.
 */
package app.lumbra.fhir.group;
