package app.lumbra.fhir.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Verifies bearer JWTs (RS256 or ES256 only) against the keys, issuer and audiences configured
 * through the standard MicroProfile JWT keys, with nimbus-jose-jwt doing the parsing and the
 * cryptography. Unsigned tokens ({@code alg: none}), HMAC tokens (also one keyed with the public
 * key), expired tokens and tokens of another issuer or audience are refused.
 *
 * <p>Without a configured key nothing is accepted: every protected request is answered 401 saying
 * that no token issuer is configured, and start-up logs the same.
 */
public class TokenVerifier {

  public static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
  public static final String KEY = "mp.jwt.verify.publickey";
  public static final String ISSUER = "mp.jwt.verify.issuer";
  public static final String AUDIENCES = "mp.jwt.verify.audiences";

  private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String notConfigured;

  /** Whose tokens this verifier accepts, for the start-up log; empty when it refuses all. */
  private String trusted = "";

  TokenVerifier(DefaultJWTProcessor<SecurityContext> processor, String notConfigured) {
    this.processor = processor;
    this.notConfigured = notConfigured;
  }

  /**
   * A verifier for {@code keys}, accepting tokens of {@code issuer} for one of {@code audiences}.
   */
  public static TokenVerifier of(
      JWKSource<SecurityContext> keys, String issuer, Set<String> audiences) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new KidTolerantKeySelector(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            // A mutable copy: nimbus asks the set whether it contains null.
            audiences.isEmpty() ? null : new HashSet<>(audiences),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("exp", "iss", "sub"),
            null));
    return new TokenVerifier(processor, null);
  }

  /** A verifier that refuses every token, saying why. */
  public static TokenVerifier refusingAll(String reason) {
    return new TokenVerifier(null, reason);
  }

  /** The verifier the MicroProfile JWT configuration describes; warns only of a broken one. */
  public static TokenVerifier fromConfig(Config config) {
    Optional<String> location = config.getOptionalValue(KEY_LOCATION, String.class);
    Optional<String> inline = config.getOptionalValue(KEY, String.class);
    Optional<String> issuer = config.getOptionalValue(ISSUER, String.class);
    if (location.isEmpty() && inline.isEmpty()) {
      return refusingAll(
          "No token issuer is configured: set "
              + KEY_LOCATION
              + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) and "
              + ISSUER
              + " to accept bearer tokens");
    }
    if (issuer.isEmpty()) {
      LOG.warning(
          "FHIR API: "
              + KEY_LOCATION
              + " is set but "
              + ISSUER
              + " (MP_JWT_VERIFY_ISSUER) is not, so no token of another issuer is accepted");
      return refusingAll(
          "No token issuer is configured: set " + ISSUER + " (MP_JWT_VERIFY_ISSUER)");
    }
    Set<String> audiences =
        config
            .getOptionalValue(AUDIENCES, String.class)
            .map(
                value ->
                    Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
            .orElseGet(LinkedHashSet::new);
    try {
      JWKSource<SecurityContext> keys =
          location.isPresent() ? keysAt(location.get()) : keysFrom(inline.get());
      TokenVerifier verifier = of(keys, issuer.get(), audiences);
      verifier.trusted =
          issuer.get()
              + (audiences.isEmpty() ? "" : " for audience " + audiences)
              + ", verified with the keys of "
              + location.orElse(KEY);
      return verifier;
    } catch (IOException | ParseException | JOSEException | IllegalArgumentException e) {
      String reason =
          "The token keys at " + location.orElse(KEY) + " cannot be read: " + e.getMessage();
      LOG.severe("FHIR API: " + reason + "; every FHIR request but /metadata gets 401");
      return refusingAll(reason);
    }
  }

  private static JWKSource<SecurityContext> keysAt(String location)
      throws IOException, ParseException, JOSEException {
    if (location.startsWith("https://") || location.startsWith("http://")) {
      return JWKSourceBuilder.create(URI.create(location).toURL()).build();
    }
    String text;
    if (location.startsWith("classpath:")) {
      String name = location.substring("classpath:".length()).replaceFirst("^/", "");
      try (InputStream in =
          Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("no such resource");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } else if (location.startsWith("file:")) {
      text = Files.readString(Path.of(URI.create(location)));
    } else {
      text = Files.readString(Path.of(location));
    }
    return keysFrom(text);
  }

  /** A PEM public key, a bare base64 public key, a JWK or a JWK Set. */
  static JWKSource<SecurityContext> keysFrom(String text) throws ParseException, JOSEException {
    return new ImmutableJWKSet<>(PublicKeys.parse(text));
  }

  /**
   * A verifier that hands tokens claiming {@code localIssuer} to {@code local} and all others to
   * {@code configured}; each checks the signature itself, so the unverified issuer only routes.
   */
  public static TokenVerifier either(
      TokenVerifier configured, String localIssuer, TokenVerifier local) {
    LOG.info(
        "FHIR API: bearer tokens are accepted from Lumbra's own issuer "
            + localIssuer
            + " (the portal and /auth/token)"
            + (configured.trusted.isEmpty()
                ? "; no other issuer is configured (set MP_JWT_VERIFY_PUBLICKEY_LOCATION and"
                    + " MP_JWT_VERIFY_ISSUER to trust an EHR's authorization server)"
                : " and from " + configured.trusted));
    return new TokenVerifier(null, null) {
      @Override
      public AccessToken verify(String token) throws InvalidTokenException {
        String issuer;
        try {
          issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
          throw new InvalidTokenException("The bearer token is not a well-formed JWT");
        }
        return localIssuer.equals(issuer) ? local.verify(token) : configured.verify(token);
      }
    };
  }

  /**
   * This verifier, remembering the tokens it accepts until they expire (and at most {@link
   * CachingTokenVerifier#MAX_AGE}), so repeated requests with one token skip the signature check.
   */
  public TokenVerifier cached(Clock clock) {
    return new CachingTokenVerifier(this, clock);
  }

  /**
   * This verifier, refusing a token whose client was revoked or whose user's account was
   * deactivated since it was issued ({@link Revocations}); asked on every request, also when the
   * signature check was remembered.
   */
  public TokenVerifier checkedAgainst(Revocations revocations) {
    TokenVerifier signatures = this;
    return new TokenVerifier(null, null) {
      @Override
      public AccessToken verify(String token) throws InvalidTokenException {
        AccessToken accepted = signatures.verify(token);
        Optional<String> refusal = revocations.refusal(accepted);
        if (refusal.isPresent()) {
          throw new InvalidTokenException(refusal.get());
        }
        return accepted;
      }
    };
  }

  /** The verified token, or why it is refused. */
  public AccessToken verify(String token) throws InvalidTokenException {
    if (processor == null) {
      throw new InvalidTokenException(notConfigured);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new InvalidTokenException("The bearer token is not a well-formed JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("The bearer token was refused: " + e.getMessage());
    }
    try {
      String scope = claims.getStringClaim("scope");
      if (scope == null && claims.getClaim("scp") != null) {
        scope = String.join(" ", claims.getStringListClaim("scp"));
      }
      String clientId = claims.getStringClaim("client_id");
      if (clientId == null) {
        clientId = claims.getStringClaim("azp");
      }
      return new AccessToken(
          claims.getSubject(),
          clientId,
          SmartScopes.parse(scope),
          claims.getStringClaim("patient"));
    } catch (ParseException e) {
      throw new InvalidTokenException("The bearer token has a malformed claim: " + e.getMessage());
    }
  }
}
