package app.lumbra.web.security;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /auth/authorize}, the authorization endpoint the CapabilityStatement's {@code oauth-uris}
 * names unless {@code lumbra.auth.authorize-url} points at an identity provider. Lumbra itself
 * grants no user authorizations: it answers {@code unsupported_response_type} (without redirecting,
 * as it knows no client's redirect URI) and says where tokens come from.
 */
@WebServlet(urlPatterns = "/auth/authorize")
public class AuthorizeEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("error", "unsupported_response_type")
                .add(
                    "error_description",
                    "Lumbra grants no user authorizations: EHR systems get system/ tokens at"
                        + " /auth/token (SMART Backend Services); user and patient tokens come"
                        + " from the identity provider configured with mp.jwt.verify.*")
                .build()
                .toString());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    doGet(request, response);
  }
}
