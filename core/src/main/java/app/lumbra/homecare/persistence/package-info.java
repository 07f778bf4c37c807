/** JPA implementation of the home-care log repository. */
package app.lumbra.homecare.persistence;
