package app.lumbra.web.portal.security;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
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
 * A user signed in with a password generated for them (the first administrator's one-time password)
 * sees nothing of the portal but the page that asks for a new one: every other portal request is
 * sent there. Whether the account must change its password is looked up once per sign-in and kept
 * in the HTTP session, so other requests cost no query.
 */
@WebFilter(urlPatterns = "/portal/*")
public class PasswordChangeFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String REQUIRED = PasswordChangeFilter.class.getName() + ".required";

  @Inject AccountService accounts;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String user = request.getRemoteUser();
    if (user != null && !mayOpenBeforeTheChange(request) && mustChange(request, user)) {
      response.sendRedirect(request.getContextPath() + PasswordChange.PAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The change page itself, the sign-in page and Faces' own resources. */
  private static boolean mayOpenBeforeTheChange(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(PasswordChange.PAGE)
        || path.equals(PortalSecurity.SIGN_IN_PAGE)
        || path.startsWith("/portal/jakarta.faces.resource/");
  }

  private boolean mustChange(HttpServletRequest request, String user) {
    HttpSession session = request.getSession();
    Object known = session.getAttribute(REQUIRED);
    if (known instanceof Boolean required) {
      return required;
    }
    boolean required =
        accounts.findByUsername(user).map(AccountView::passwordChangeRequired).orElse(false);
    session.setAttribute(REQUIRED, required);
    return required;
  }

  /** After the user chose a new password: the portal is open again in this session. */
  static void changed(HttpSession session) {
    session.setAttribute(REQUIRED, false);
  }

  /** Whether this session's user still has to choose a new password. */
  static boolean required(HttpSession session) {
    return Boolean.TRUE.equals(session.getAttribute(REQUIRED));
  }
}
