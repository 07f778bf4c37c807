/**
 * SMART App Launch 2.x, EHR launch: {@code /launch} runs the authorization-code flow with PKCE
 * against the launching EHR and opens the patient's chart signed in as the matching clinician.
 */
package app.lumbra.web.launch;
