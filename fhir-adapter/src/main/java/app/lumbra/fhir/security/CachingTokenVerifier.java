package app.lumbra.fhir.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed verification, so a client sending the same bearer token on every
 * request pays for the signature check once (RS256 verification and claim parsing were about a
 * tenth of the server's CPU for a read by id). A remembered token is used until its {@code exp},
 * and never longer than {@link #MAX_AGE}, so a key rotation takes effect within that time. Refused
 * tokens are not remembered: each is checked, and refused, again.
 *
 * <p>The key is the whole token, so a hit needs the exact signed string; the cache is bounded and
 * emptied when full.
 */
final class CachingTokenVerifier extends TokenVerifier {

  static final Duration MAX_AGE = Duration.ofMinutes(5);
  static final int MAX_ENTRIES = 10_000;

  private final TokenVerifier delegate;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(AccessToken token, Instant until) {}

  CachingTokenVerifier(TokenVerifier delegate, Clock clock) {
    super(null, null);
    this.delegate = delegate;
    this.clock = clock;
  }

  @Override
  public AccessToken verify(String token) throws InvalidTokenException {
    Instant now = clock.instant();
    Verified known = verified.get(token);
    if (known != null) {
      if (now.isBefore(known.until())) {
        return known.token();
      }
      verified.remove(token, known);
    }
    AccessToken accepted = delegate.verify(token);
    Instant until = now.plus(MAX_AGE);
    Instant expires = expiry(token);
    if (expires != null && expires.isBefore(until)) {
      until = expires;
    }
    if (verified.size() >= MAX_ENTRIES) {
      verified.values().removeIf(entry -> !now.isBefore(entry.until()));
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(accepted, until));
    return accepted;
  }

  /** The token's {@code exp}; the delegate has already required it and checked it. */
  private static Instant expiry(String token) {
    try {
      Date exp = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
      return exp == null ? null : exp.toInstant();
    } catch (ParseException e) {
      return null;
    }
  }

  int size() {
    return verified.size();
  }
}
