package app.lumbra.web.portal.rules;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * {@code /portal/rules}: the repository's {@code docs/RULES.md}, packaged into the WAR at build
 * time, rendered as a page in the portal's style. Its {@code <a id="plan-3">} anchors are what a
 * rule id on any portal page links to ({@code /portal/rules#plan-3}), so there is one text of the
 * rules, the one in the repository. Rendered once: the text cannot change while the application
 * runs.
 */
@WebServlet(urlPatterns = RulesPage.PATH)
public class RulesPage extends HttpServlet {
  private static final long serialVersionUID = 1L;

  public static final String PATH = "/portal/rules";
  static final String SOURCE = "/app/lumbra/web/portal/rules/RULES.md";

  private transient volatile String body;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    String css = request.getContextPath() + "/static/portal.css";
    String home = request.getContextPath() + "/portal/patients.xhtml";
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>Product rules · Lumbra</title><link rel=\"stylesheet\" href=\""
                + css
                + "\"/></head><body><header class=\"top\"><a class=\"brand\" href=\""
                + home
                + "\">Lumbra</a></header><main id=\"main\" class=\"rules\">"
                + body()
                + "</main></body></html>");
  }

  /** The rules as HTML; the Markdown's own HTML (the anchors) is kept, it is our own text. */
  String body() {
    String rendered = body;
    if (rendered == null) {
      List<Extension> extensions = List.of(TablesExtension.create());
      rendered =
          HtmlRenderer.builder()
              .extensions(extensions)
              .build()
              .render(Parser.builder().extensions(extensions).build().parse(source()));
      body = rendered;
    }
    return rendered;
  }

  private static String source() {
    try (InputStream in = RulesPage.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the WAR holds no " + SOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
