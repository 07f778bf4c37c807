/** A registered launching EHR, the configured ones, and the repository port. */
package app.lumbra.ehrlaunch.domain;
