/**
 * The EHRs allowed to launch the portal (SMART App Launch, EHR launch): the ones named in
 * configuration and the ones an administrator registered.
 */
package app.lumbra.ehrlaunch;
