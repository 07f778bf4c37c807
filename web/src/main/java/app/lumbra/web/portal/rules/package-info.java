/**
 * The product rules (docs/RULES.md) as a portal page, the target of every rule id the portal shows.
 */
package app.lumbra.web.portal.rules;
