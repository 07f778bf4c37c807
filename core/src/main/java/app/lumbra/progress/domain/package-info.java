/** Pure progress analysis over a snapshot of sessions and readings, one policy class per rule. */
package app.lumbra.progress.domain;
