/** Safety use cases and the guards other modules call before activating or booking (SAFE-1..3). */
package app.lumbra.safety.application;
