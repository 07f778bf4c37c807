/**
 * Portal pages of outcomes: reassessment, discharge and the patient's own report link (OUT-2,
 * OUT-3, OUT-5).
 */
package app.lumbra.web.portal.outcomes;
