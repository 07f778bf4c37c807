/** A patient's care team assignment and the visibility rule. */
package app.lumbra.careteam.domain;
