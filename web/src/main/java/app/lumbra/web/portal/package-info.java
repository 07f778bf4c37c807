/**
 * The clinicians' web portal (issue 5): Jakarta Faces backing beans that call the care domain's
 * application services and show their views.
 */
package app.lumbra.web.portal;
