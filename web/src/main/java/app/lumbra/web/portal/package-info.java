/**
 * The clinicians' web portal: Jakarta Faces backing beans in one package per feature (patients,
 * plans, sessions, between sessions, outcomes, safety, admin, security), and here what they share:
 * the one translation of refused commands into form messages ({@link FormErrors}), form helpers,
 * labels and the portal's time zone. Beans only translate; every write is one application-service
 * call in core.
 */
package app.lumbra.web.portal;
