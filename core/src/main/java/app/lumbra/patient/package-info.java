/**
 * Patients: who a care plan is for, with the EHR identifiers that join Lumbra to hospital records.
 */
package app.lumbra.patient;
