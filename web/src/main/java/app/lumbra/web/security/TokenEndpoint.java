package app.lumbra.web.security;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.client.application.AssertionReplayedException;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import app.lumbra.fhir.security.KidTolerantKeySelector;
import app.lumbra.fhir.security.LocalTokenIssuer;
import app.lumbra.fhir.security.PublicKeys;
import app.lumbra.shared.InvalidValueException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * SMART Backend Services token endpoint at {@code /auth/token}: the {@code client_credentials}
 * grant with a {@code private_key_jwt} client assertion (RS384, ES384, RS256 or ES256; {@code iss}
 * = {@code sub} = a registered client id, {@code aud} = this endpoint's URL, at most five minutes
 * to live, a {@code jti} used once). Answers a short-lived bearer token with the requested {@code
 * system/} scopes the client is allowed, signed by {@link LocalTokenIssuer}.
 */
@WebServlet(urlPatterns = "/auth/token")
public class TokenEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384, JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

  @Inject transient ClientRegistry clients;
  @Inject transient LocalTokenIssuer issuer;
  @Inject transient AuditTrail audit;

  @Inject transient Clock clock;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String clientId = null;
    try {
      if (!"client_credentials".equals(request.getParameter("grant_type"))) {
        throw new Refusal(400, "unsupported_grant_type", "grant_type must be client_credentials");
      }
      if (!ASSERTION_TYPE.equals(request.getParameter("client_assertion_type"))) {
        throw new Refusal(
            400, "invalid_request", "client_assertion_type must be " + ASSERTION_TYPE);
      }
      String assertion = request.getParameter("client_assertion");
      if (assertion == null || assertion.isBlank()) {
        throw new Refusal(400, "invalid_request", "client_assertion is required");
      }
      clientId = unverifiedIssuer(assertion);
      ClientView client =
          clients
              .find(clientId)
              .filter(ClientView::enabled)
              .orElseThrow(() -> new Refusal(401, "invalid_client", "unknown or disabled client"));
      verify(assertion, client, endpointUrl(request));
      String scope = granted(request.getParameter("scope"), client.allowedScopes());
      String token = issuer.issue(client.clientId(), scope);
      record(client.clientId(), AccessOutcome.ALLOWED, 200, "scope " + scope);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("access_token", token)
                  .add("token_type", "bearer")
                  .add("expires_in", issuer.lifetime().toSeconds())
                  .add("scope", scope)
                  .build()
                  .toString());
    } catch (Refusal refusal) {
      record(clientId, AccessOutcome.DENIED, refusal.status, refusal.getMessage());
      response.setStatus(refusal.status);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("error", refusal.error)
                  .add("error_description", refusal.getMessage())
                  .build()
                  .toString());
    }
  }

  private static String unverifiedIssuer(String assertion) throws Refusal {
    try {
      String iss = JWTParser.parse(assertion).getJWTClaimsSet().getIssuer();
      if (iss == null) {
        throw new Refusal(401, "invalid_client", "the client assertion has no iss");
      }
      return iss;
    } catch (ParseException e) {
      throw new Refusal(401, "invalid_client", "the client assertion is not a JWT");
    }
  }

  private JWTClaimsSet verify(String assertion, ClientView client, String audience) throws Refusal {
    try {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new KidTolerantKeySelector(
              ALGORITHMS, new ImmutableJWKSet<>(PublicKeys.parse(client.publicKeys()))));
      processor.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(
              audience,
              new JWTClaimsSet.Builder()
                  .issuer(client.clientId())
                  .subject(client.clientId())
                  .build(),
              Set.of("exp", "jti")));
      JWTClaimsSet claims = processor.process(assertion, null);
      Instant expires = claims.getExpirationTime().toInstant();
      if (expires.isAfter(clock.instant().plus(MAX_ASSERTION_LIFETIME).plusSeconds(60))) {
        throw new Refusal(
            401, "invalid_client", "the client assertion lives longer than 5 minutes");
      }
      useOnce(client.clientId(), claims.getJWTID(), expires);
      return claims;
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new Refusal(
          401, "invalid_client", "the client assertion was refused: " + e.getMessage());
    }
  }

  /** A replayed assertion is refused, whichever instance of a cluster saw it first. */
  private void useOnce(String clientId, String assertionId, Instant expires) throws Refusal {
    try {
      clients.useAssertion(clientId, assertionId, expires);
    } catch (AssertionReplayedException replayed) {
      throw new Refusal(401, "invalid_client", "the client assertion was already used");
    } catch (InvalidValueException invalid) {
      throw new Refusal(401, "invalid_client", "the client assertion's jti is too long");
    } catch (RuntimeException failed) {
      // Another instance stored the same assertion between the check and the insert.
      if (clients.assertionUsed(clientId, assertionId)) {
        throw new Refusal(401, "invalid_client", "the client assertion was already used");
      }
      throw failed;
    }
  }

  private static String granted(String requested, String allowed) throws Refusal {
    Set<String> allowedScopes = new LinkedHashSet<>(Arrays.asList(allowed.split(" ")));
    if (requested == null || requested.isBlank()) {
      return allowed;
    }
    Set<String> asked = new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
    String granted =
        asked.stream().filter(allowedScopes::contains).collect(Collectors.joining(" "));
    if (granted.isEmpty()) {
      throw new Refusal(
          400, "invalid_scope", "none of the requested scopes is allowed to this client");
    }
    return granted;
  }

  private void record(String clientId, AccessOutcome outcome, int status, String detail) {
    audit.record(
        new RecordAccess(
            "AUTH",
            clientId == null ? "anonymous" : clientId,
            "token",
            "POST /auth/token",
            null,
            outcome,
            status,
            detail));
  }

  /** The URL clients must name as {@code aud}: configured, else this request's own URL. */
  private static String endpointUrl(HttpServletRequest request) {
    return ConfigProvider.getConfig()
        .getOptionalValue("lumbra.auth.token-url", String.class)
        .orElseGet(() -> request.getRequestURL().toString());
  }

  /** An OAuth error answer. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String error;

    Refusal(int status, String error, String description) {
      super(description);
      this.status = status;
      this.error = error;
    }
  }
}
