/**
 * Care plans for massage in low-back-pain care: phases, schedule, budget, lifecycle (PLAN-1..14).
 */
package app.lumbra.careplan;
