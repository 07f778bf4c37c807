/**
 * What Lumbra tells an EHR in its own screens: the patient's open alerts, and the safety reasons
 * not to order massage (SAFE-1, SAFE-2), each with an urgency and clinical wording.
 */
package app.lumbra.advice;
