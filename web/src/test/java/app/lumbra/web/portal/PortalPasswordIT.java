package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.Administrator;
import app.lumbra.web.it.BackendClients;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.PortalSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The administrator's password: the first sign-in with the generated one-time password opens
 * nothing but the page that asks for a new one, and the change page refuses what breaks the
 * password rules naming the form's field. On its own server, so that its administrator still has
 * the one-time password when the test starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalPasswordIT {

  private static final String PAGE = "/portal/password.xhtml";

  private static LumbraProcess lumbra;
  private static String[] oneTime;
  private static String chosen;

  @BeforeAll
  static void start() throws Exception {
    lumbra = LumbraProcess.onEmbeddedDatabase("password").start();
    oneTime = Administrator.oneTime(lumbra);
    chosen = "my own password " + oneTime[1].substring(0, 6);
  }

  @AfterAll
  static void stop() throws Exception {
    if (lumbra != null) {
      lumbra.close();
    }
  }

  @Test
  @Order(1)
  void theFirstSignInWithTheOneTimePasswordAsksForANewOneBeforeAnythingElse() throws Exception {
    // The administration endpoints refuse it too, until it is changed.
    String pem = BackendClients.pem(BackendClients.rsa());
    HttpResponse<String> tooEarly =
        BackendClients.register(lumbra, "ehr-early", pem, "system/*.read", oneTime);
    assertThat(tooEarly.statusCode()).isEqualTo(403);
    assertThat(tooEarly.body()).contains("one-time password").contains("choose a new one");

    PortalSession admin = new PortalSession(lumbra).signIn(oneTime[0], oneTime[1]);
    for (String page :
        new String[] {
          "/portal/patients.xhtml", "/portal/admin/accounts.xhtml", "/portal/patient.xhtml"
        }) {
      HttpResponse<String> answer = admin.get(page);
      assertThat(answer.uri().getPath()).as(page).isEqualTo(PAGE);
      assertThat(answer.body()).contains("You signed in with a one-time password");
    }

    // Refusals name the form's field, and nothing is changed.
    assertThat(change(admin, "not the password", chosen, chosen))
        .contains("Current password: '(hidden)' is not allowed. Allowed: your current password.");
    assertThat(change(admin, oneTime[1], chosen, chosen + "x"))
        .contains("New password again: '(hidden)' is not allowed. Allowed: the same password as");
    assertThat(change(admin, oneTime[1], "too short", "too short"))
        .contains("New password: '(hidden)' is not allowed. Allowed: at least 12");
    assertThat(change(admin, oneTime[1], oneTime[1], oneTime[1]))
        .contains("New password: '(hidden)' is not allowed. Allowed: a password other than the");
    assertThat(admin.get("/portal/patients.xhtml").uri().getPath()).isEqualTo(PAGE);

    HttpResponse<String> changed = post(admin, oneTime[1], chosen, chosen);
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(changed.headers().firstValue("Location").orElse(""))
        .endsWith("/portal/patients.xhtml");
    HttpResponse<String> patients = admin.get("/portal/patients.xhtml");
    assertThat(patients.uri().getPath()).isEqualTo("/portal/patients.xhtml");
    assertThat(patients.statusCode()).isEqualTo(200);
    assertThat(
            BackendClients.register(
                    lumbra, "ehr-later", pem, "system/*.read", new String[] {oneTime[0], chosen})
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  @Order(2)
  void theOneTimePasswordIsSpentAndTheChosenOneOpensThePortalAtOnce() throws Exception {
    assertThatThrownBy(() -> new PortalSession(lumbra).signIn(oneTime[0], oneTime[1]))
        .hasMessageContaining("refused");
    PortalSession admin = new PortalSession(lumbra).signIn(oneTime[0], chosen);
    HttpResponse<String> accounts = admin.get("/portal/admin/accounts.xhtml");
    assertThat(accounts.uri().getPath()).isEqualTo("/portal/admin/accounts.xhtml");
  }

  @Test
  @Order(3)
  void theAdministratorCanChangeTheirPasswordAgainFromThePasswordPage() throws Exception {
    PortalSession admin = new PortalSession(lumbra).signIn(oneTime[0], chosen);
    HttpResponse<String> page = admin.get(PAGE);
    assertThat(page.body()).doesNotContain("one-time password").contains("Change your password");
    String next = chosen + " again";
    assertThat(change(admin, chosen, next, next)).contains("Your password was changed.");
    new PortalSession(lumbra).signIn(oneTime[0], next);
    assertThatThrownBy(() -> new PortalSession(lumbra).signIn(oneTime[0], chosen))
        .hasMessageContaining("refused");
  }

  /** The page's answer to a change that stays on the page. */
  private static String change(PortalSession session, String current, String next, String again)
      throws Exception {
    HttpResponse<String> answer = post(session, current, next, again);
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body().replace("&nbsp;", " ").replace("&#39;", "'");
  }

  private static HttpResponse<String> post(
      PortalSession session, String current, String next, String again) throws Exception {
    HttpResponse<String> page = session.get(PAGE);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pw", "pw");
    fields.put("pw:currentPassword", current);
    fields.put("pw:password", next);
    fields.put("pw:confirmPassword", again);
    fields.put("pw:change", "Change password");
    fields.put(PortalSession.VIEW_STATE, PortalSession.viewState(page.body()));
    return session.post(PAGE, fields);
  }
}
