/** Pure adherence analysis over a snapshot of sessions and home-care logs, one policy per rule. */
package app.lumbra.adherence.domain;
