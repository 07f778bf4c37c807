package app.lumbra.selfreport.application;

import java.time.OffsetDateTime;

/** OUT-5: the token to put in the link (shown once) and when it expires. */
public record IssuedLink(String token, OffsetDateTime expiresAt) {}
