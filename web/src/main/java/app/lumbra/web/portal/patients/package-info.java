/** Portal pages of the patient list, the patient form and the patient chart. */
package app.lumbra.web.portal.patients;
