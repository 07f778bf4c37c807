package app.lumbra.web.cds;

import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import app.lumbra.fhir.security.KidTolerantKeySelector;
import app.lumbra.fhir.security.PublicKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which EHRs may call the CDS services: a registered, enabled client (the same registry as SMART
 * Backend Services) whose CDS Hooks JWT ({@code iss} = its client id, {@code aud} = the service's
 * URL, {@code exp} at most five minutes ahead, a {@code jti} used once) is signed by one of the
 * keys (JWK Set or PEM) registered for it.
 */
@ApplicationScoped
public class CdsCallers {

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384, JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
  private static final Duration SKEW = Duration.ofSeconds(60);

  private ClientRegistry clients;
  private Clock clock;

  /** Token ids seen, until they expire: a replayed JWT is refused. */
  private final Map<String, Instant> used = new ConcurrentHashMap<>();

  /** For the CDI proxy only. */
  protected CdsCallers() {}

  @Inject
  public CdsCallers(ClientRegistry clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** The client id of the EHR whose {@code Authorization} header this is, for {@code audience}. */
  public String verify(String authorization, String audience) throws CdsRefusal {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new CdsRefusal(401, "A CDS Hooks JWT is required (Authorization: Bearer …)");
    }
    String jwt = authorization.substring(7).trim();
    String issuer = unverifiedIssuer(jwt);
    ClientView client =
        clients
            .find(issuer)
            .filter(ClientView::enabled)
            .orElseThrow(
                () -> new CdsRefusal(401, "The JWT's iss is not a registered, enabled client"));
    JWTClaimsSet claims = verified(jwt, client, audience);
    Instant now = clock.instant();
    Instant expires = claims.getExpirationTime().toInstant();
    if (expires.isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
      throw new CdsRefusal(401, "The JWT lives longer than 5 minutes (exp)");
    }
    used.values().removeIf(until -> until.isBefore(now.minus(SKEW)));
    if (used.putIfAbsent(issuer + " " + claims.getJWTID(), expires) != null) {
      throw new CdsRefusal(401, "The JWT was already used (jti)");
    }
    return client.clientId();
  }

  private static String unverifiedIssuer(String jwt) throws CdsRefusal {
    try {
      String iss = JWTParser.parse(jwt).getJWTClaimsSet().getIssuer();
      if (iss == null) {
        throw new CdsRefusal(401, "The JWT has no iss");
      }
      return iss;
    } catch (ParseException e) {
      throw new CdsRefusal(401, "The bearer token is not a JWT");
    }
  }

  private static JWTClaimsSet verified(String jwt, ClientView client, String audience)
      throws CdsRefusal {
    try {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new KidTolerantKeySelector(
              ALGORITHMS, new ImmutableJWKSet<>(PublicKeys.parse(client.publicKeys()))));
      processor.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(
              audience,
              new JWTClaimsSet.Builder().issuer(client.clientId()).build(),
              Set.of("exp", "jti")));
      return processor.process(jwt, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new CdsRefusal(401, "The JWT was refused: " + e.getMessage());
    }
  }
}
