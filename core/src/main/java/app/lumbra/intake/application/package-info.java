/** Intake use cases; see the feature's package description. */
package app.lumbra.intake.application;
