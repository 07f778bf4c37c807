/** Shared kernel of the care domain: identifiers, domain errors and time, used by every module. */
package app.lumbra.shared;
