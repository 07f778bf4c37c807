/** The home-care log entry aggregate and its repository port. */
package app.lumbra.homecare.domain;
