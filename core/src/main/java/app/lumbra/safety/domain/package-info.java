/**
 * Safety rules (SAFE-1..3) and the records they work on: screens, checklists, adverse responses.
 */
package app.lumbra.safety.domain;
