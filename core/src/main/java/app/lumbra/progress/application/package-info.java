/**
 * Builds progress reports from stored data and the care plan's facts (through the PlanFacts port).
 */
package app.lumbra.progress.application;
