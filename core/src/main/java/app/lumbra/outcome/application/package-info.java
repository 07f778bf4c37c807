/** Outcome use cases: the outcome report, completing a reassessment, discharging a plan. */
package app.lumbra.outcome.application;
