package app.lumbra.ehrlaunch.application;

/**
 * An administrator allows an EHR to launch the portal: its name, the issuer it launches with,
 * Lumbra's client id there and the ID token claim naming the user (blank for {@code
 * preferred_username}); {@code administrator} is who registers it.
 */
public record RegisterLaunchingEhr(
    String name, String issuer, String clientId, String userClaim, String administrator) {}
