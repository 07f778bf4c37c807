package app.lumbra.web.launch;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.advice.application.EhrAdvice;
import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.application.RecordAccess;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.ehrlaunch.application.LaunchingEhrView;
import app.lumbra.ehrlaunch.application.LaunchingEhrs;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.web.portal.security.EhrLaunchCredential;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.nimbusds.jwt.JWTParser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * SMART App Launch 2.x, EHR launch. {@code GET /launch?iss=…&launch=…} from an EHR named in
 * configuration or registered by an administrator ({@link LaunchingEhrs}, read at every launch)
 * reads {@code iss/.well-known/smart-configuration} and sends the browser to the EHR's
 * authorization endpoint (authorization code with PKCE S256, a one-time {@code state}). {@code GET
 * /launch/callback} exchanges the code (with the verifier) at the EHR's token endpoint, takes the
 * user from the ID token's configured claim and the patient from the token response, signs the
 * browser in as that Lumbra clinician and opens the patient's chart. An unknown user or patient
 * gets a page saying so and is never signed in as anyone. Lumbra's own sign-in is untouched.
 *
 * <p>The ID token's signature is not checked: Lumbra received it directly from the EHR's token
 * endpoint in exchange for a code bound to its PKCE verifier (OpenID Connect Core 3.1.3.7 allows
 * this for a token received over TLS from the token endpoint itself).
 */
@WebServlet(urlPatterns = {"/launch", "/launch/callback"})
public class LaunchEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private static final String PENDING = LaunchEndpoint.class.getName() + ".pending";
  private static final String SCOPE = "launch openid fhirUser patient/Patient.rs";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject transient LaunchingEhrs ehrs;
  @Inject transient SecurityContext security;
  @Inject transient EhrAdvice patients;
  @Inject transient AuditTrail audit;
  @Inject transient AccountService accounts;

  /** A launch waiting for its callback: the EHR, the endpoints, the PKCE verifier. */
  private record Pending(
      LaunchingEhrView ehr, String tokenEndpoint, String verifier, String redirectUri)
      implements Serializable {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      if (request.getServletPath().endsWith("/callback")) {
        callback(request, response);
      } else {
        launch(request, response);
      }
    } catch (LaunchRefusal refusal) {
      audit(request, refusal.who, null, AccessOutcome.DENIED, refusal.status, refusal.getMessage());
      page(response, refusal.status, refusal.title, refusal.getMessage());
    }
  }

  private void launch(HttpServletRequest request, HttpServletResponse response)
      throws IOException, LaunchRefusal {
    String iss = request.getParameter("iss");
    String launch = request.getParameter("launch");
    if (iss == null || launch == null || iss.isBlank() || launch.isBlank()) {
      throw new LaunchRefusal(
          400, "Not an EHR launch", "An EHR launch needs the parameters iss and launch.", null);
    }
    LaunchingEhrView ehr =
        ehrs.forIssuer(iss)
            .orElseThrow(
                () ->
                    new LaunchRefusal(
                        403,
                        "This EHR may not launch Lumbra",
                        "The EHR at "
                            + iss
                            + " is not allowed to launch Lumbra. An administrator can add it"
                            + " (admin page EHRs, or lumbra.smart.ehrs).",
                        null));
    JsonObject configuration = smartConfiguration(ehr);
    String authorize = configuration.getString("authorization_endpoint", null);
    String token = configuration.getString("token_endpoint", null);
    JsonArray methods = configuration.getJsonArray("code_challenge_methods_supported");
    if (authorize == null
        || token == null
        || (methods != null
            && methods.getValuesAs(JsonString.class).stream()
                .noneMatch(method -> "S256".equals(method.getString())))) {
      throw new LaunchRefusal(
          502,
          "The EHR's SMART configuration is incomplete",
          "The EHR names no authorization or token endpoint, or does not support PKCE (S256).",
          null);
    }
    String verifier = random();
    String state = random();
    String redirectUri = baseUrl(request) + "/launch/callback";
    HttpSession session = request.getSession(true);
    pending(session).put(state, new Pending(ehr, token, verifier, redirectUri));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", ehr.clientId());
    query.put("redirect_uri", redirectUri);
    query.put("launch", launch);
    query.put("scope", SCOPE);
    query.put("state", state);
    query.put("aud", ehr.issuer());
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    response.sendRedirect(authorize + (authorize.contains("?") ? "&" : "?") + form(query));
  }

  private void callback(HttpServletRequest request, HttpServletResponse response)
      throws IOException, LaunchRefusal {
    HttpSession session = request.getSession(false);
    String state = request.getParameter("state");
    Pending pending = session == null || state == null ? null : pending(session).remove(state);
    if (pending == null) {
      throw new LaunchRefusal(
          400,
          "This launch has expired",
          "The launch is unknown or was already used. Open Lumbra again from the EHR.",
          null);
    }
    if (request.getParameter("error") != null || request.getParameter("code") == null) {
      throw new LaunchRefusal(
          403,
          "The EHR did not authorize Lumbra",
          "The EHR answered: "
              + Optional.ofNullable(request.getParameter("error")).orElse("no code"),
          null);
    }
    JsonObject tokens = exchange(pending, request.getParameter("code"));
    String username = user(tokens, pending.ehr());
    String ehrPatient = tokens.getString("patient", null);
    if (ehrPatient == null) {
      throw new LaunchRefusal(
          400, "No patient", "The EHR launched Lumbra without a patient in context.", username);
    }
    Optional<String> patient =
        patients.patientFor(
            identifiers(pending.ehr(), ehrPatient, tokens.getString("access_token", "")),
            ehrPatient);
    if (accounts.findByUsername(username).filter(AccountView::enabled).isEmpty()) {
      // Refused before any sign-in is attempted, so the browser's session stays as it was.
      throw noAccount(username);
    }
    request.changeSessionId();
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new EhrLaunchCredential(username, pending.ehr().name())));
    if (status != AuthenticationStatus.SUCCESS) {
      throw noAccount(username);
    }
    if (patient.isEmpty()) {
      audit(request, username, null, AccessOutcome.ALLOWED, 404, "EHR patient not in Lumbra");
      page(
          response,
          404,
          "This patient is not in Lumbra",
          "The EHR's patient " + ehrPatient + " has no record in Lumbra yet.");
      return;
    }
    audit(request, username, patient.get(), AccessOutcome.ALLOWED, 302, pending.ehr().name());
    response.sendRedirect(
        request.getContextPath()
            + "/portal/chart.xhtml?patient="
            + URLEncoder.encode(patient.get(), StandardCharsets.UTF_8));
  }

  private static LaunchRefusal noAccount(String username) {
    return new LaunchRefusal(
        403,
        "You have no Lumbra account",
        "The EHR signed you in as '"
            + username
            + "', and Lumbra has no enabled clinician of that name. Ask a Lumbra administrator"
            + " to open an account for you; until then Lumbra cannot show this patient.",
        username);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> pending(HttpSession session) {
    synchronized (session) {
      Object found = session.getAttribute(PENDING);
      if (found == null) {
        found = new LinkedHashMap<String, Pending>();
        session.setAttribute(PENDING, found);
      }
      return (Map<String, Pending>) found;
    }
  }

  private static JsonObject smartConfiguration(LaunchingEhrView ehr) throws LaunchRefusal {
    return json(
        get(ehr.issuer() + "/.well-known/smart-configuration", null),
        "the EHR's SMART configuration");
  }

  private static JsonObject exchange(Pending pending, String code) throws LaunchRefusal {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", pending.redirectUri());
    fields.put("client_id", pending.ehr().clientId());
    fields.put("code_verifier", pending.verifier());
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(pending.tokenEndpoint()))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new LaunchRefusal(
            502,
            "The EHR refused the sign-in",
            "The EHR's token endpoint answered " + answer.statusCode() + ".",
            null);
      }
      return json(answer.body(), "the EHR's token response");
    } catch (IOException | IllegalArgumentException e) {
      throw unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable();
    }
  }

  private static String user(JsonObject tokens, LaunchingEhrView ehr) throws LaunchRefusal {
    String idToken = tokens.getString("id_token", null);
    Object claim = null;
    if (idToken != null) {
      try {
        claim = JWTParser.parse(idToken).getJWTClaimsSet().getClaim(ehr.userClaim());
      } catch (ParseException e) {
        claim = null;
      }
    }
    if (!(claim instanceof String username) || username.isBlank()) {
      throw new LaunchRefusal(
          403,
          "The EHR did not say who you are",
          "The EHR's ID token has no '" + ehr.userClaim() + "' claim naming a Lumbra user.",
          null);
    }
    return username;
  }

  private static List<IdentifierData> identifiers(
      LaunchingEhrView ehr, String patientId, String accessToken) {
    List<IdentifierData> identifiers = new ArrayList<>();
    try {
      String body =
          get(
              ehr.issuer() + "/Patient/" + URLEncoder.encode(patientId, StandardCharsets.UTF_8),
              accessToken);
      Patient patient =
          LumbraFhirContext.r4()
              .newJsonParser()
              .setParserErrorHandler(new LenientErrorHandler())
              .parseResource(Patient.class, body);
      for (Identifier identifier : patient.getIdentifier()) {
        if (identifier.hasSystem() && identifier.hasValue()) {
          identifiers.add(new IdentifierData(identifier.getSystem(), identifier.getValue()));
        }
      }
    } catch (LaunchRefusal | DataFormatException e) {
      // Without the EHR's Patient only the same id can match.
    }
    return identifiers;
  }

  private static String get(String url, String bearer) throws LaunchRefusal {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Accept", "application/json, application/fhir+json");
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> answer =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new LaunchRefusal(
            502, "The EHR did not answer", url + " answered " + answer.statusCode() + ".", null);
      }
      return answer.body();
    } catch (IOException | IllegalArgumentException e) {
      throw unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable();
    }
  }

  private static LaunchRefusal unreachable() {
    return new LaunchRefusal(
        502, "The EHR cannot be reached", "Lumbra could not reach the EHR. Try again.", null);
  }

  private static JsonObject json(String text, String what) throws LaunchRefusal {
    try {
      return Json.createReader(new StringReader(text)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new LaunchRefusal(502, "The EHR answered nonsense", what + " is not JSON.", null);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String baseUrl(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.indexOf("/launch"));
  }

  private void audit(
      HttpServletRequest request,
      String who,
      String patient,
      AccessOutcome outcome,
      int status,
      String detail) {
    audit.record(
        new RecordAccess(
            "PORTAL",
            who == null ? "anonymous" : who,
            "ehr-launch",
            "GET " + request.getRequestURI(),
            patient,
            outcome,
            status,
            detail));
  }

  private static void page(HttpServletResponse response, int status, String title, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
                + escape(title)
                + " – Lumbra</title></head><body><main><h1 id=\"launch-title\">"
                + escape(title)
                + "</h1><p id=\"launch-reason\">"
                + escape(text)
                + "</p><p><a href=\"portal/login.xhtml\">Sign in to Lumbra</a></p></main></body>"
                + "</html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A launch that cannot go on, with the page that says why. */
  private static final class LaunchRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final String who;

    LaunchRefusal(int status, String title, String message, String who) {
      super(message);
      this.status = status;
      this.title = title;
      this.who = who;
    }
  }
}
