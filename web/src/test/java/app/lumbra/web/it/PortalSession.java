package app.lumbra.web.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A portal user's browser session over plain HTTP (a cookie jar, no JavaScript): signs in through
 * the Faces sign-in form, opens pages and posts forms exactly as a browser would, or forged, with
 * or without the page's view state. For tests of what the server does with a submission; the
 * browser tests cover what people see.
 */
public final class PortalSession {

  public static final String VIEW_STATE = "jakarta.faces.ViewState";

  private static final Pattern VIEW_STATE_FIELD =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final LumbraProcess server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public PortalSession(LumbraProcess server) {
    this.server = server;
  }

  /** The first administrator's user name and password, past the one-time password. */
  public static String[] administrator(LumbraProcess server) throws IOException {
    return Administrator.credentials(server);
  }

  /**
   * As the administrator: opens a clinician account of {@code careTeam} (admin page "Accounts").
   */
  public PortalSession openClinician(String username, String password, String careTeam)
      throws Exception {
    HttpResponse<String> page = get("/portal/admin/accounts.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("f", "f");
    fields.put("f:username", username);
    fields.put("f:displayName", "Clinician " + username);
    fields.put("f:password", password);
    fields.put("f:role", "CLINICIAN");
    fields.put("f:careTeam", careTeam);
    fields.put("f:open", "Open account");
    fields.put(VIEW_STATE, viewState(page.body()));
    HttpResponse<String> answer = post("/portal/admin/accounts.xhtml", fields);
    if (!answer.body().contains("Account " + username + " opened")) {
      throw new IllegalStateException("account " + username + " not opened: " + answer.body());
    }
    return this;
  }

  /** Signs in; throws when the portal does not accept the credentials. */
  public PortalSession signIn(String username, String password) throws Exception {
    HttpResponse<String> page = get("/portal/login.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:signIn", "Sign in");
    fields.put(VIEW_STATE, viewState(page.body()));
    HttpResponse<String> answer = post("/portal/login.xhtml", fields);
    if (answer.statusCode() != 302
        || answer.headers().firstValue("Location").orElse("").contains("login")) {
      throw new IllegalStateException(
          "sign-in of " + username + " refused: " + answer.statusCode());
    }
    return this;
  }

  /** GET, following redirects within the portal. */
  public HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(server.uri(path)).GET());
    for (int hops = 0; hops < 5 && isRedirect(response); hops++) {
      response = send(HttpRequest.newBuilder(location(response)).GET());
    }
    return response;
  }

  /** A form post as it is sent (the fields exactly as given); redirects are not followed. */
  public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    return send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Forms.urlEncoded(fields))));
  }

  /** The view state of the (last) form on a page. */
  public static String viewState(String html) {
    Matcher matcher = VIEW_STATE_FIELD.matcher(html);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    if (last == null) {
      throw new IllegalStateException("the page has no form with a view state");
    }
    return last;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean isRedirect(HttpResponse<String> response) {
    return response.statusCode() / 100 == 3
        && response.headers().firstValue("Location").isPresent();
  }

  private static URI location(HttpResponse<String> response) {
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }
}
