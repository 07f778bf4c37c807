/** Adherence analysis (ADH-1..3): attendance, gaps between sessions and home care. */
package app.lumbra.adherence;
