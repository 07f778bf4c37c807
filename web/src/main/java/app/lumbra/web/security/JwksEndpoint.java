package app.lumbra.web.security;

import app.lumbra.fhir.security.LocalTokenIssuer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The public keys of Lumbra's own token issuer as a JWK Set at {@code /auth/jwks} (open, named by
 * {@code jwks_uri} in {@code /fhir/.well-known/smart-configuration}), so a resource server or a
 * gateway can verify the tokens {@code /auth/token} issues. Never the private key.
 */
@WebServlet(urlPatterns = "/auth/jwks")
public class JwksEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient LocalTokenIssuer issuer;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/jwk-set+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "max-age=300");
    // Public parameters only (true), though publicKeys() holds no private ones to begin with.
    response.getWriter().write(issuer.publicKeys().toString(true));
  }
}
