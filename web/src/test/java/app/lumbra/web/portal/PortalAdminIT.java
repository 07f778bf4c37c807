package app.lumbra.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.web.it.AuditEvents;
import app.lumbra.web.it.BackendClient;
import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.PortalSession;
import app.lumbra.web.it.SharedLumbra;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administrator revokes a backend client and deactivates an account from the admin pages: the
 * client's tokens and the account's open portal session are refused from then on, the row stays
 * (disabled) for the audit trail, and an administrator cannot deactivate their own account. EHRs
 * allowed to launch the portal are added and removed there too, each change audited.
 */
@ExtendWith(SharedLumbra.class)
class PortalAdminIT {

  /** Revocations are remembered for at most 5 s per instance; a little slack on a busy machine. */
  private static final long BOUND_MILLIS = 8_000;

  @Test
  void anAccountDeactivatedInThePortalIsSignedOutAndCannotSignInAgain(LumbraProcess lumbra)
      throws Exception {
    String[] admin = PortalSession.administrator(lumbra);
    String clinician = "leaving" + UUID.randomUUID().toString().substring(0, 6);
    String password = "leaving-clinician-password";
    PortalSession administrator =
        new PortalSession(lumbra)
            .signIn(admin[0], admin[1])
            .openClinician(clinician, password, "t");
    PortalSession leaving = new PortalSession(lumbra).signIn(clinician, password);
    assertThat(leaving.get("/portal/patients.xhtml").body()).doesNotContain("login:password");

    HttpResponse<String> own =
        press(administrator, "/portal/admin/accounts.xhtml", admin[0], "deactivate");
    assertThat(own.body()).contains("You cannot deactivate your own account");

    HttpResponse<String> done =
        press(administrator, "/portal/admin/accounts.xhtml", clinician, "deactivate");
    assertThat(done.body()).contains("Account " + clinician + " deactivated");
    assertThat(row(done.body(), clinician)).contains("<td>no</td>").doesNotContain("deactivate");

    long until = System.currentTimeMillis() + BOUND_MILLIS;
    while (!leaving.get("/portal/patients.xhtml").body().contains("login:password")) {
      assertThat(System.currentTimeMillis()).as("signed out within the bound").isLessThan(until);
      Thread.sleep(250);
    }
    assertThatThrownBy(() -> new PortalSession(lumbra).signIn(clinician, password))
        .hasMessageContaining("refused");
  }

  @Test
  void aClientRevokedInThePortalGetsNoMoreTokens(LumbraProcess lumbra) throws Exception {
    String[] admin = PortalSession.administrator(lumbra);
    BackendClient client = BackendClient.register(lumbra, "system/*.read", null);
    assertThat(client.accessToken(lumbra, "system/*.read")).isNotBlank();
    PortalSession administrator = new PortalSession(lumbra).signIn(admin[0], admin[1]);

    HttpResponse<String> done =
        press(administrator, "/portal/admin/clients.xhtml", client.clientId(), "revoke");

    assertThat(done.body()).contains("Client " + client.clientId() + " revoked");
    assertThat(row(done.body(), client.clientId())).contains("<td>no</td>");
    assertThatThrownBy(() -> client.accessToken(lumbra, "system/*.read"))
        .hasMessageContaining("no token");
  }

  @Test
  void anEhrIsAddedCheckedAndRemovedInTheAdminPageAndEachChangeIsAudited(LumbraProcess lumbra)
      throws Exception {
    String[] admin = PortalSession.administrator(lumbra);
    PortalSession administrator = new PortalSession(lumbra).signIn(admin[0], admin[1]);
    String name = "ehr-" + UUID.randomUUID().toString().substring(0, 8);
    String issuer = "https://" + name + ".example/fhir";

    HttpResponse<String> insecure =
        allow(administrator, name, "http://" + name + ".example/fhir", "lumbra-portal", "");
    assertThat(insecure.body())
        .containsPattern("Issuer URL: \\S+http://" + name + "\\.example/fhir\\S+ is not allowed")
        .contains("an https:// URL, or an http://localhost");
    assertThat(insecure.body()).doesNotContain("<tr><td>" + name + "</td>");

    HttpResponse<String> added = allow(administrator, name, issuer + "/", "lumbra-portal", "");
    assertThat(added.body()).contains("EHR " + name + " may launch Lumbra from " + issuer);
    assertThat(row(added.body(), name))
        .contains(">" + issuer + "</td>")
        .contains("<td>preferred_username</td>")
        .contains("registered here");

    HttpResponse<String> duplicate =
        allow(administrator, name + "-2", issuer, "another-client", "sub");
    assertThat(duplicate.body())
        .containsPattern("Issuer URL: \\S+" + Pattern.quote(issuer) + "\\S+ is not allowed")
        .contains("EHR " + name + " has it");
    assertThat(duplicate.body()).doesNotContain("<tr><td>" + name + "-2</td>");

    HttpResponse<String> removed = press(administrator, "/portal/admin/ehrs.xhtml", name, "remove");
    assertThat(removed.body()).contains("EHR " + name + " removed");
    assertThat(removed.body()).doesNotContain("<tr><td>" + name + "</td>");

    List<String> audited =
        AuditEvents.search(lumbra, "agent-name=" + admin[0] + "&_count=100").stream()
            .map(AuditEvent::getOutcomeDesc)
            .filter(text -> text.contains(name))
            .toList();
    assertThat(audited)
        .anySatisfy(text -> assertThat(text).contains("registered " + name + " (" + issuer + ")"))
        .anySatisfy(text -> assertThat(text).contains("removed " + name))
        .anySatisfy(text -> assertThat(text).contains("issuer"));
  }

  /** Submits the form that allows an EHR to launch Lumbra. */
  private static HttpResponse<String> allow(
      PortalSession session, String name, String issuer, String clientId, String userClaim)
      throws Exception {
    String html = session.get("/portal/admin/ehrs.xhtml").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("f", "f");
    fields.put("f:name", name);
    fields.put("f:issuer", issuer);
    fields.put("f:clientId", clientId);
    fields.put("f:userClaim", userClaim);
    fields.put("f:register", "Allow EHR");
    fields.put(PortalSession.VIEW_STATE, PortalSession.viewState(html));
    HttpResponse<String> answer = session.post("/portal/admin/ehrs.xhtml", fields);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** Presses the row's button ({@code button} id) in the row whose first cell is {@code key}. */
  private static HttpResponse<String> press(
      PortalSession session, String page, String key, String button) throws Exception {
    String html = session.get(page).body();
    Matcher name =
        Pattern.compile("name=\"(rows:list:\\d+:" + button + ")\"").matcher(row(html, key));
    assertThat(name.find()).as("a %s button in the row of %s", button, key).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("rows", "rows");
    fields.put(name.group(1), "x");
    fields.put(PortalSession.VIEW_STATE, PortalSession.viewState(html));
    HttpResponse<String> answer = session.post(page, fields);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static String row(String html, String key) {
    Matcher row =
        Pattern.compile("<tr><td>" + Pattern.quote(key) + "</td>.*?</tr>", Pattern.DOTALL)
            .matcher(html);
    assertThat(row.find()).as("a row for %s", key).isTrue();
    return row.group();
  }
}
