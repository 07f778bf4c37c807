/**
 * Portal pages of clinical safety: red-flag screen, contraindications, adverse responses and Needs
 * attention (SAFE-1..4).
 */
package app.lumbra.web.portal.safety;
