package app.lumbra.fhir.patient;

import app.lumbra.exchange.application.PatientExchange;
import app.lumbra.exchange.application.PatientWrite;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.security.AccessToken;
import app.lumbra.fhir.security.NewPatientCareTeam;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.patient.application.PatientView;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * The FHIR writes of Patient, translated for the exchange use case ({@link PatientExchange}, which
 * owns the transaction and the rules) and its answer translated back. A new patient joins the care
 * team of whoever created it ({@link NewPatientCareTeam}).
 */
@ApplicationScoped
public class PatientWrites {

  private PatientExchange exchange;
  private NewPatientCareTeam careTeam;

  /** For the CDI proxy only. */
  protected PatientWrites() {}

  @Inject
  public PatientWrites(PatientExchange exchange, NewPatientCareTeam careTeam) {
    this.exchange = exchange;
    this.careTeam = careTeam;
  }

  /** Create; with If-None-Exist {@code identifier=system|value} the existing patient wins. */
  public MethodOutcome create(Patient sent, String ifNoneExist, AccessToken token) {
    MustUnderstand.check(sent);
    PatientFhirMapper.PatientData data = PatientFhirMapper.toDomain(sent);
    PatientWrite.Identifier matchBy =
        ifNoneExist == null ? null : identifier(ifNoneExist, "If-None-Exist");
    KeptResources.Answer<PatientView, Patient> answer = answering(sent);
    return ClinicalContext.answer(
        exchange.create(write(null, null, matchBy, data, token, answer)), answer);
  }

  /**
   * Update of {@code id}; when no patient has that id, it is created with it (update-as-create,
   * FHIR-8). With a conditional URL ({@code Patient?identifier=system|value}) the patient is found
   * by identifier: none is a create, one is updated, more than one is 412.
   */
  public MethodOutcome update(IdType id, Patient sent, String conditionalUrl, AccessToken token) {
    MustUnderstand.check(sent);
    PatientFhirMapper.PatientData data = PatientFhirMapper.toDomain(sent);
    KeptResources.Answer<PatientView, Patient> answer = answering(sent);
    PatientWrite write =
        conditionalUrl != null
            ? write(
                sent.getIdElement().getIdPart(),
                null,
                identifier(conditionalUrl, "conditional update"),
                data,
                token,
                answer)
            : write(id.getIdPart(), Versions.expected(id), null, data, token, answer);
    return ClinicalContext.answer(exchange.update(write), answer);
  }

  private PatientWrite write(
      String id,
      Long expectedVersion,
      PatientWrite.Identifier matchBy,
      PatientFhirMapper.PatientData data,
      AccessToken token,
      KeptResources.Answer<PatientView, Patient> answer) {
    return new PatientWrite(
        id, expectedVersion, matchBy, data, () -> careTeam.teamFor(token), answer);
  }

  private static KeptResources.Answer<PatientView, Patient> answering(Patient sent) {
    return KeptResources.answering(sent, PatientFhirMapper::toFhir, Set.of());
  }

  /** The identifier a conditional URL's {@code identifier=system|value} names. */
  private static PatientWrite.Identifier identifier(String conditionalUrl, String what) {
    String query = conditionalUrl.substring(conditionalUrl.indexOf('?') + 1);
    String allowed = "identifier=system|value (one identifier)";
    if (!query.startsWith("identifier=") || query.contains("&")) {
      throw new InvalidValueException(what, conditionalUrl, allowed);
    }
    String token =
        URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
    int bar = token.indexOf('|');
    if (bar <= 0 || bar == token.length() - 1) {
      throw new InvalidValueException(what, conditionalUrl, allowed);
    }
    return new PatientWrite.Identifier(token.substring(0, bar), token.substring(bar + 1));
  }
}
