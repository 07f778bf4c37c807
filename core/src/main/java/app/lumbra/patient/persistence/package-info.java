/** JPA implementation of the patient repository; package-private, reached only through the port. */
package app.lumbra.patient.persistence;
