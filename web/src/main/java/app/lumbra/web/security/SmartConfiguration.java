package app.lumbra.web.security;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The SMART App Launch configuration document at {@code /fhir/.well-known/smart-configuration}
 * (open, like {@code /fhir/metadata}): which token issuer the FHIR API trusts, the scopes and
 * permission forms it understands, Lumbra's Backend Services token endpoint and the JWK Set of the
 * keys that endpoint signs with ({@code jwks_uri}).
 */
@WebServlet(urlPatterns = "/fhir/.well-known/smart-configuration")
public class SmartConfiguration extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + request.getContextPath();
    JsonObjectBuilder document = Json.createObjectBuilder();
    ConfigProvider.getConfig()
        .getOptionalValue("mp.jwt.verify.issuer", String.class)
        .ifPresent(issuer -> document.add("issuer", issuer));
    String tokenEndpoint =
        ConfigProvider.getConfig()
            .getOptionalValue("lumbra.auth.token-url", String.class)
            .orElse(base + "/auth/token");
    String jwks =
        ConfigProvider.getConfig()
            .getOptionalValue("lumbra.auth.jwks-url", String.class)
            .orElse(base + "/auth/jwks");
    document
        .add("token_endpoint", tokenEndpoint)
        .add("jwks_uri", jwks)
        .add("grant_types_supported", array("client_credentials"))
        .add("token_endpoint_auth_methods_supported", array("private_key_jwt"))
        .add(
            "token_endpoint_auth_signing_alg_values_supported",
            array("RS384", "ES384", "RS256", "ES256"))
        .add(
            "scopes_supported",
            array(
                "system/*.read",
                "system/*.cruds",
                "system/AuditEvent.rs",
                "user/*.read",
                "user/*.cruds",
                "patient/*.read",
                "patient/*.rs"))
        .add(
            "capabilities",
            array(
                "client-confidential-asymmetric",
                "permission-v1",
                "permission-v2",
                "permission-patient",
                "permission-user"));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(document.build().toString());
  }

  private static JsonArrayBuilder array(String... values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
