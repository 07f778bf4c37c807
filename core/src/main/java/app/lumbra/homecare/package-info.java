/** Home-care adherence log (PLAN-9, ADH-3): per task and day, whether the patient did it. */
package app.lumbra.homecare;
