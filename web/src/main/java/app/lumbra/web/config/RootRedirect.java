package app.lumbra.web.config;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application's root leads people to the portal: someone who types the server's address gets
 * the sign-in page, not a 404. FHIR clients use {@code /fhir}, which this does not touch.
 */
@WebServlet(urlPatterns = "")
public class RootRedirect extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/portal/");
  }
}
