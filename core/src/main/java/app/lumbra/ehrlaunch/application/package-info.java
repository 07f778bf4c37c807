/** Registering, removing and finding the EHRs that may launch the portal. */
package app.lumbra.ehrlaunch.application;
