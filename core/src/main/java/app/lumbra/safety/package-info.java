/**
 * Clinical safety before and around massage (SAFE-1..3): the red-flag screen, contraindications and
 * precautions per technique and region, and adverse responses after a session.
 */
package app.lumbra.safety;
