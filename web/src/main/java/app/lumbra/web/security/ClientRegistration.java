package app.lumbra.web.security;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.account.domain.Role;
import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import app.lumbra.fhir.security.Revocations;
import app.lumbra.shared.DomainException;
import app.lumbra.shared.NotFoundException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The command-line way to register a SMART Backend Services client: {@code POST /auth/clients} with
 * an administrator's user name and password (HTTP Basic) and the form fields {@code client_id},
 * {@code name}, {@code scope} (allowed system/ scopes), {@code public_key} (PEM or JWK Set) and,
 * optionally, {@code care_team} (the team of the patients the client creates over FHIR). The
 * portal's admin page "Clients" does the same. {@code DELETE /auth/clients?client_id=...} revokes a
 * client: it is disabled (kept for the audit trail), gets no more tokens, and the tokens it holds
 * are refused on every instance within {@link Revocations#BOUND}.
 */
@WebServlet(urlPatterns = "/auth/clients")
public class ClientRegistration extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountService accounts;
  @Inject transient ClientRegistry clients;
  @Inject transient AuditTrail audit;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<AccountView> admin = administrator(accounts, request.getHeader("Authorization"));
    if (admin.isEmpty()) {
      record("anonymous", AccessOutcome.DENIED, 401, "no administrator credentials");
      unauthorized(response);
      return;
    }
    if (refusedWithOneTimePassword(admin.get(), response)) {
      record(admin.get().username(), AccessOutcome.DENIED, 403, "one-time password not changed");
      return;
    }
    try {
      ClientView client =
          clients.register(
              request.getParameter("client_id"),
              request.getParameter("name"),
              request.getParameter("public_key"),
              request.getParameter("scope"),
              request.getParameter("care_team"));
      record(admin.get().username(), AccessOutcome.ALLOWED, 201, "registered " + client.clientId());
      response.setStatus(201);
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("client_id", client.clientId())
                  .add("scope", client.allowedScopes())
                  .build()
                  .toString());
    } catch (DomainException refused) {
      record(admin.get().username(), AccessOutcome.FAILED, 400, refused.getMessage());
      answer(response, 400, "invalid_request", refused.getMessage());
    }
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<AccountView> admin = administrator(accounts, request.getHeader("Authorization"));
    if (admin.isEmpty()) {
      recordRevocation("anonymous", AccessOutcome.DENIED, 401, "no administrator credentials");
      unauthorized(response);
      return;
    }
    if (refusedWithOneTimePassword(admin.get(), response)) {
      recordRevocation(
          admin.get().username(), AccessOutcome.DENIED, 403, "one-time password not changed");
      return;
    }
    String clientId = request.getParameter("client_id");
    if (clientId == null || clientId.isBlank()) {
      answer(response, 400, "invalid_request", "client_id is required: the client to revoke");
      return;
    }
    int status = 200;
    String detail = "revoked " + clientId;
    try {
      clients.disable(clientId);
      response.setStatus(200);
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("client_id", clientId)
                  .add("enabled", false)
                  .build()
                  .toString());
    } catch (NotFoundException unknown) {
      status = 404;
      detail = "no client " + clientId;
      answer(response, 404, "invalid_request", "client_id: no client is registered as " + clientId);
    } finally {
      recordRevocation(
          admin.get().username(),
          status == 200 ? AccessOutcome.ALLOWED : AccessOutcome.FAILED,
          status,
          detail);
    }
  }

  private void recordRevocation(String who, AccessOutcome outcome, int status, String detail) {
    audit.record(
        new RecordAccess(
            "AUTH", who, "revoke-client", "DELETE /auth/clients", null, outcome, status, detail));
  }

  static void unauthorized(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"lumbra\"");
    answer(response, 401, "unauthorized", "an administrator's user name and password are needed");
  }

  /**
   * Refuses (403) an administrator who still has the generated one-time password: like every portal
   * page, the administration endpoints wait until it is changed. True when refused.
   */
  static boolean refusedWithOneTimePassword(AccountView admin, HttpServletResponse response)
      throws IOException {
    if (!admin.passwordChangeRequired()) {
      return false;
    }
    answer(
        response,
        403,
        "access_denied",
        "the password is the generated one-time password: sign in to the portal and choose a new"
            + " one first");
    return true;
  }

  /** The administrator whose user name and password the Basic {@code header} carries. */
  static Optional<AccountView> administrator(AccountService accounts, String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return accounts
        .verify(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray())
        .filter(account -> account.roles().contains(Role.ADMIN));
  }

  private void record(String who, AccessOutcome outcome, int status, String detail) {
    audit.record(
        new RecordAccess(
            "AUTH", who, "register-client", "POST /auth/clients", null, outcome, status, detail));
  }

  static void answer(HttpServletResponse response, int status, String error, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("error", error)
                .add("error_description", text == null ? "" : text)
                .build()
                .toString());
  }
}
