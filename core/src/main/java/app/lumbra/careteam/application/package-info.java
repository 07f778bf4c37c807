/** Assigning patients to care teams and deciding who may see a patient. */
package app.lumbra.careteam.application;
