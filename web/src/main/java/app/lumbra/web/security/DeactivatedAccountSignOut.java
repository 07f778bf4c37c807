package app.lumbra.web.security;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.fhir.security.Revocations;
import app.lumbra.web.portal.security.PortalSecurity;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * A portal session outlives the sign-in that opened it: when the account is deactivated (on any
 * instance), its next portal request, on whichever instance holds the session, ends the session and
 * leads to the sign-in page, which refuses the account. Asked on every portal request, answered
 * from {@link Revocations} (at most {@link Revocations#BOUND} old).
 */
@WebFilter(urlPatterns = "/portal/*")
public class DeactivatedAccountSignOut extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient Revocations revocations;
  @Inject transient AuditTrail audit;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String user = request.getRemoteUser();
    if (user == null || !revocations.accountDeactivated(user)) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    request.logout();
    audit.record(
        new RecordAccess(
            "PORTAL",
            user,
            "sign-out",
            request.getMethod() + " " + request.getRequestURI(),
            null,
            AccessOutcome.DENIED,
            HttpServletResponse.SC_FOUND,
            "the account was deactivated: its session was ended"));
    response.sendRedirect(request.getContextPath() + PortalSecurity.SIGN_IN_PAGE);
  }
}
