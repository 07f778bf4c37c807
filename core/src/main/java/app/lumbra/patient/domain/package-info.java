/** The patient aggregate, its value objects and its repository port. */
package app.lumbra.patient.domain;
