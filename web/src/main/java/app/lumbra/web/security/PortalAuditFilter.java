package app.lumbra.web.security;

import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careteam.application.CareTeams;
import app.lumbra.shared.NotFoundException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Every portal page request (view or form submission), allowed or refused, is recorded in the audit
 * trail with the signed-in user, the page and its query, the patient when the page names one, and
 * the outcome. The sign-in page and static resources are not patient data. A page about a patient
 * of another care team is refused (403, the portal's error page) before it is built; a form
 * submission is checked again by its page ({@code SubmitAccess}), which names the patient it
 * refused. A form post without the page's Faces view state (a forged, cross-site post) is refused
 * with 403 before Faces sees it; a stale or forged view state is refused by Faces itself.
 */
@WebFilter(urlPatterns = "/portal/*")
public class PortalAuditFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** Request attributes a page sets when it refuses a submission itself (its patient, why). */
  public static final String REFUSED_PATIENT = PortalAuditFilter.class.getName() + ".patient";

  public static final String REFUSED_DETAIL = PortalAuditFilter.class.getName() + ".detail";

  @Inject transient AuditTrail audit;
  @Inject transient CareTeams careTeams;
  @Inject transient CarePlanService plans;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.endsWith(".xhtml") && !path.endsWith("/")
        || path.endsWith("/login.xhtml")
        || path.contains("jakarta.faces.resource")) {
      chain.doFilter(request, response);
      return;
    }
    String patient = patientOf(request, path);
    String user = request.getRemoteUser();
    int status = 500;
    String detail = null;
    try {
      if (isFormWithoutViewState(request)) {
        // CSRF: every portal form carries the page's view state, a secret of the session;
        // a post without one did not come from a page Lumbra served.
        status = HttpServletResponse.SC_FORBIDDEN;
        detail = "form submission without the page's view state";
        response.sendError(status);
        return;
      }
      if (patient != null && user != null && !careTeams.maySee(user, patient)) {
        // A clinician sees only the patients of their care team.
        status = HttpServletResponse.SC_FORBIDDEN;
        detail = "patient of another care team";
        response.sendError(status);
        return;
      }
      chain.doFilter(request, response);
      status = response.getStatus();
      if (status < 400) {
        // The page (or redirect) goes out before the audit row is written, so recording never
        // delays the browser; error statuses are left to the container's error pages.
        response.flushBuffer();
      }
    } finally {
      if (patient == null) {
        patient = (String) request.getAttribute(REFUSED_PATIENT);
      }
      if (detail == null) {
        detail = (String) request.getAttribute(REFUSED_DETAIL);
      }
      String query = request.getQueryString();
      AccessOutcome outcome =
          status == 401 || status == 403
              ? AccessOutcome.DENIED
              : status >= 400 ? AccessOutcome.FAILED : AccessOutcome.ALLOWED;
      audit.record(
          new RecordAccess(
              "PORTAL",
              user == null ? "anonymous" : user,
              "POST".equals(request.getMethod()) ? "submit" : "view",
              request.getMethod() + " " + path + (query == null ? "" : "?" + query),
              patient,
              outcome,
              status,
              detail));
    }
  }

  private static boolean isFormWithoutViewState(HttpServletRequest request) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    if (request.getCharacterEncoding() == null) {
      // Faces reads forms as UTF-8 too; set before the first parameter is read.
      request.setCharacterEncoding("UTF-8");
    }
    String viewState = request.getParameter("jakarta.faces.ViewState");
    return viewState == null || viewState.isBlank();
  }

  /**
   * The patient a page shows: its {@code patient} or {@code id} query parameter, or its plan's.
   * Only the query string is read here (the form body only for its view state, as UTF-8 like
   * Faces).
   */
  private String patientOf(HttpServletRequest request, String path) {
    Map<String, String> query = query(request.getQueryString());
    String patient = query.get("patient");
    if (patient == null && path.endsWith("/patient.xhtml")) {
      patient = query.get("id");
    }
    String plan = query.get("plan");
    if ((patient == null || patient.isBlank()) && plan != null && !plan.isBlank()) {
      try {
        patient = plans.get(plan).patientId();
      } catch (NotFoundException unknownPlan) {
        return null; // the page itself reports the unknown plan
      }
    }
    return patient == null || patient.isBlank() ? null : patient.strip();
  }

  private static Map<String, String> query(String queryString) {
    Map<String, String> parameters = new HashMap<>();
    if (queryString != null) {
      for (String pair : queryString.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.putIfAbsent(
              URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }
}
