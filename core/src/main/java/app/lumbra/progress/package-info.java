/** Progress analysis of a care plan (PROG-1..7): is the massage working, and what next. */
package app.lumbra.progress;
