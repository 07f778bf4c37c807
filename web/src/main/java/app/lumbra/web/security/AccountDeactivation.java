package app.lumbra.web.security;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.fhir.security.Revocations;
import app.lumbra.shared.NotFoundException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The command-line way to deactivate an account: {@code DELETE /auth/accounts?username=...} with an
 * administrator's user name and password (HTTP Basic). The account is kept (for the audit trail)
 * but disabled: it cannot sign in, and its portal sessions and user tokens are refused on every
 * instance within {@link Revocations#BOUND}. An administrator cannot deactivate their own account,
 * so a cluster is never left without the one who did it.
 */
@WebServlet(urlPatterns = "/auth/accounts")
public class AccountDeactivation extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountService accounts;
  @Inject transient AuditTrail audit;

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<AccountView> admin =
        ClientRegistration.administrator(accounts, request.getHeader("Authorization"));
    if (admin.isEmpty()) {
      record("anonymous", AccessOutcome.DENIED, 401, "no administrator credentials");
      ClientRegistration.unauthorized(response);
      return;
    }
    if (ClientRegistration.refusedWithOneTimePassword(admin.get(), response)) {
      record(admin.get().username(), AccessOutcome.DENIED, 403, "one-time password not changed");
      return;
    }
    String username = request.getParameter("username");
    if (username == null || username.isBlank()) {
      ClientRegistration.answer(
          response, 400, "invalid_request", "username is required: the account to deactivate");
      return;
    }
    if (username.trim().equalsIgnoreCase(admin.get().username())) {
      ClientRegistration.answer(
          response,
          400,
          "invalid_request",
          "username: an administrator cannot deactivate their own account");
      return;
    }
    try {
      AccountView disabled = accounts.disable(username);
      record(admin.get().username(), AccessOutcome.ALLOWED, 200, "deactivated " + username);
      response.setStatus(200);
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("username", disabled.username())
                  .add("enabled", false)
                  .build()
                  .toString());
    } catch (NotFoundException unknown) {
      record(admin.get().username(), AccessOutcome.FAILED, 404, "no account " + username);
      ClientRegistration.answer(
          response, 404, "invalid_request", "username: no account is named " + username);
    }
  }

  private void record(String who, AccessOutcome outcome, int status, String detail) {
    audit.record(
        new RecordAccess(
            "AUTH",
            who,
            "deactivate-account",
            "DELETE /auth/accounts",
            null,
            outcome,
            status,
            detail));
  }
}
