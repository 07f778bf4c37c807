/** Issuing a patient link and recording what the patient reports through it. */
package app.lumbra.selfreport.application;
