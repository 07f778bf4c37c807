/** Gathers, keeps, lists and acknowledges the alerts of plans and patients (SAFE-4). */
package app.lumbra.alert.application;
