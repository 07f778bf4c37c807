package app.lumbra.web.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first administrator of a test server. The server logs a one-time password, which the portal
 * makes its holder replace at the first sign-in; tests that act as the administrator get the
 * replaced password, chosen here once per server through the portal's password page, exactly as a
 * person would. The chosen password is derived from the one-time one, so every test (and a later
 * run on the same database) agrees on it.
 */
public final class Administrator {

  private static final Pattern ONE_TIME =
      Pattern.compile("user name '([^']+)', one-time password '([^']+)'");
  private static final Map<String, String[]> READY = new ConcurrentHashMap<>();

  private Administrator() {}

  /** The user name and one-time password, from the server log. */
  public static String[] oneTime(LumbraProcess server) throws IOException {
    Matcher matcher = ONE_TIME.matcher(server.logText());
    if (!matcher.find()) {
      throw new IllegalStateException("the server log names no first administrator");
    }
    return new String[] {matcher.group(1), matcher.group(2)};
  }

  /** The password the tests choose to replace {@code oneTimePassword}. */
  public static String chosen(String oneTimePassword) {
    return oneTimePassword + "-chosen";
  }

  /** User name and password to act as the administrator, past the one-time password. */
  public static String[] credentials(LumbraProcess server) throws IOException {
    String[] logged = oneTime(server);
    String[] ready = READY.get(logged[1]);
    if (ready != null) {
      return ready;
    }
    synchronized (READY) {
      ready = READY.get(logged[1]);
      if (ready == null) {
        ready = new String[] {logged[0], chosen(logged[1])};
        replaceOneTimePassword(server, logged[0], logged[1], ready[1]);
        READY.put(logged[1], ready);
      }
      return ready;
    }
  }

  private static void replaceOneTimePassword(
      LumbraProcess server, String username, String oneTime, String chosen) throws IOException {
    try {
      PortalSession session = new PortalSession(server);
      try {
        session.signIn(username, oneTime);
      } catch (IllegalStateException alreadyReplaced) {
        return; // an earlier run on the same database replaced it
      }
      HttpResponse<String> page = session.get("/portal/password.xhtml");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("pw", "pw");
      fields.put("pw:currentPassword", oneTime);
      fields.put("pw:password", chosen);
      fields.put("pw:confirmPassword", chosen);
      fields.put("pw:change", "Change password");
      fields.put(PortalSession.VIEW_STATE, PortalSession.viewState(page.body()));
      HttpResponse<String> answer = session.post("/portal/password.xhtml", fields);
      if (answer.statusCode() != 302 && !answer.body().contains("Your password was changed")) {
        throw new IllegalStateException(
            "the one-time password was not replaced: " + answer.statusCode());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException(interrupted);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
