/**
 * Care teams: which care team a patient belongs to, and the rule that a clinician sees only the
 * patients of their own team (administrators see all).
 */
package app.lumbra.careteam;
