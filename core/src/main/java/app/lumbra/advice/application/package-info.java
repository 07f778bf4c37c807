/** The advice use cases an EHR integration calls: for a patient's chart and for an order. */
package app.lumbra.advice.application;
