package app.lumbra.ehrlaunch.domain;

/**
 * An EHR named in configuration ({@code lumbra.smart.ehr.NAME.*}): read once at start, changed only
 * by changing the configuration, so it is never edited or removed in the admin pages.
 */
public record ConfiguredEhr(String name, String issuer, String clientId, String userClaim) {}
