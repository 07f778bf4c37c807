/**
 * Treatment sessions (OBS-3, PLAN-5, PLAN-7): scheduled, attended, missed or cancelled massage
 * sessions.
 */
package app.lumbra.session;
