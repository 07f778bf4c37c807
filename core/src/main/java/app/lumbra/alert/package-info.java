/**
 * One alert list per patient and plan (SAFE-4): progress alerts (PROG-3..7), adherence gaps (ADH-2)
 * and safety alerts (SAFE-1..3) with rule, urgency and reason, acknowledged once per evidence.
 */
package app.lumbra.alert;
