package app.lumbra.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.BackendClient;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hardening seen from outside: headers, discovery, volume limits, XXE, no versions. */
@ExtendWith(SharedLumbra.class)
class HardeningIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyResponseCarriesTheSecurityHeaders(LumbraProcess lumbra) throws Exception {
    for (String path :
        new String[] {"/fhir/metadata", "/fhir/Patient", "/portal/login.xhtml", "/health/ready"}) {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(lumbra.uri(path)).build(), BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Powered-By").orElse(""))
          .doesNotContainIgnoringCase("payara")
          .doesNotContainIgnoringCase("servlet");
      // Payara Micro names itself ("Payara Micro") but never its version.
      assertThat(response.headers().firstValue("Server").orElse("")).doesNotContainPattern("\\d");
    }
  }

  /** The portal's session cookie is out of scripts' reach and not sent with cross-site posts. */
  @Test
  void theSessionCookieIsHttpOnlyAndSameSite(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/portal/login.xhtml")).build(),
            BodyHandlers.ofString());

    assertThat(signIn.headers().allValues("Set-Cookie"))
        .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .singleElement()
        .satisfies(
            // Payara writes "SameSite=lax"; attribute values are case-insensitive (RFC 6265bis).
            cookie ->
                assertThat(cookie)
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
  }

  @Test
  void errorPagesNameNoServer(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/no-such-page")).build(), BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContainIgnoringCase("payara").doesNotContain("\tat ");
  }

  @Test
  void smartConfigurationIsOpenAndNamesTheTokenEndpoint(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/.well-known/smart-configuration")).build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"token_endpoint\":\"" + lumbra.baseUrl() + "/auth/token\"")
        .contains("client_credentials")
        .contains("private_key_jwt")
        .contains("permission-v2");
  }

  @Test
  void theTokenEndpointsKeysArePublishedAndNamedInDiscovery(LumbraProcess lumbra) throws Exception {
    String discovery =
        http.send(
                HttpRequest.newBuilder(lumbra.uri("/fhir/.well-known/smart-configuration")).build(),
                BodyHandlers.ofString())
            .body();
    assertThat(discovery).contains("\"jwks_uri\":\"" + lumbra.baseUrl() + "/auth/jwks\"");

    HttpResponse<String> jwks =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/auth/jwks")).build(), BodyHandlers.ofString());
    assertThat(jwks.statusCode()).isEqualTo(200);
    JWKSet keys = JWKSet.parse(jwks.body());
    assertThat(keys.getKeys()).hasSize(1);
    RSAKey key = (RSAKey) keys.getKeys().get(0);
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");

    String token =
        BackendClient.register(lumbra, "system/Patient.rs", null)
            .accessToken(lumbra, "system/Patient.rs");
    SignedJWT signed = SignedJWT.parse(token);
    assertThat(signed.getHeader().getKeyID()).isEqualTo(key.getKeyID());
    assertThat(signed.verify(new RSASSAVerifier(key))).isTrue();
  }

  @Test
  void theCapabilityStatementNamesSmartOnFhirAndItsEndpoints(LumbraProcess lumbra)
      throws Exception {
    CapabilityStatement statement =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(
                CapabilityStatement.class,
                http.send(
                        HttpRequest.newBuilder(lumbra.uri("/fhir/metadata"))
                            .header("Accept", "application/fhir+json")
                            .build(),
                        BodyHandlers.ofString())
                    .body());
    CapabilityStatement.CapabilityStatementRestSecurityComponent security =
        statement.getRestFirstRep().getSecurity();
    assertThat(security.getService())
        .flatExtracting(CodeableConcept::getCoding)
        .extracting(c -> c.getSystem() + "|" + c.getCode())
        .contains(
            "http://terminology.hl7.org/CodeSystem/restful-security-service|SMART-on-FHIR",
            "http://fhir-registry.smarthealthit.org/CodeSystem/restful-security-service|SMART-on-FHIR");
    Extension oauth =
        security.getExtensionByUrl(
            "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
    assertThat(oauth.getExtensionByUrl("token").getValue().primitiveValue())
        .isEqualTo(lumbra.baseUrl() + "/auth/token");
    String authorize = oauth.getExtensionByUrl("authorize").getValue().primitiveValue();
    assertThat(authorize).isEqualTo(lumbra.baseUrl() + "/auth/authorize");
    HttpResponse<String> noUserGrants =
        http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), BodyHandlers.ofString());
    assertThat(noUserGrants.statusCode()).isEqualTo(400);
    assertThat(noUserGrants.body()).contains("unsupported_response_type");
  }

  @Test
  void aTransactionWithTooManyEntriesIsRefused(LumbraProcess lumbra) throws Exception {
    StringBuilder bundle =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
    for (int i = 0; i < 501; i++) {
      bundle
          .append(i == 0 ? "" : ",")
          .append("{\"request\":{\"method\":\"GET\",\"url\":\"Patient/x\"}}");
    }
    bundle.append("]}");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir"))
                .header("Authorization", lumbra.authorization())
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle.toString()))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome").contains("at most 500");
  }

  @Test
  void xmlExternalEntitiesAreNotResolved(LumbraProcess lumbra) throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/Patient"))
                .header("Authorization", lumbra.authorization())
                .header("Content-Type", "application/fhir+xml")
                .POST(HttpRequest.BodyPublishers.ofString(xxe))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("root:").doesNotContain("\tat ");
  }
}
