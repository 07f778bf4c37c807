/** The symptom observation aggregate, its validated value objects and its repository port. */
package app.lumbra.observation.domain;
