package app.lumbra.fhir.patient;

import app.lumbra.fhir.security.AccessToken;
import app.lumbra.fhir.security.NewPatientCareTeam;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * The FHIR write use cases of Patient, each in its own transaction (joined by a transaction
 * Bundle's): create, conditional create, update, update-as-create with the client's id (FHIR-8) and
 * conditional update on an identifier. Each checks what FHIR says must be understood, hands the
 * domain its part, and keeps what the partner sent beside it (FHIR-1).
 */
@ApplicationScoped
@Transactional
public class PatientWrites {

  private PatientService patients;
  private NewPatientCareTeam careTeam;
  private KeptResources kept;

  /** For the CDI proxy only. */
  protected PatientWrites() {}

  @Inject
  public PatientWrites(PatientService patients, NewPatientCareTeam careTeam, KeptResources kept) {
    this.patients = patients;
    this.careTeam = careTeam;
    this.kept = kept;
  }

  /**
   * Create; with If-None-Exist {@code identifier=system|value} the existing patient wins (FHIR-2).
   * A new patient joins the care team of whoever created it ({@link NewPatientCareTeam}).
   */
  public MethodOutcome create(Patient sent, String ifNoneExist, AccessToken token) {
    MustUnderstand.check(sent);
    PatientFhirMapper.PatientData data = PatientFhirMapper.toDomain(sent);
    if (ifNoneExist != null) {
      Optional<PatientView> existing = byIdentifier(ifNoneExist, "If-None-Exist");
      if (existing.isPresent()) {
        return new MethodOutcome(idOf(existing.get()), false)
            .setResource(PatientFhirMapper.toFhir(existing.get()));
      }
    }
    return created(sent, data, null, token);
  }

  /**
   * Update of {@code id}; when no patient has that id, it is created with it (update-as-create,
   * FHIR-8). With a conditional URL ({@code Patient?identifier=system|value}) the patient is found
   * by identifier: none is a create, one is updated, more than one is 412.
   */
  public MethodOutcome update(IdType id, Patient sent, String conditionalUrl, AccessToken token) {
    MustUnderstand.check(sent);
    PatientFhirMapper.PatientData data = PatientFhirMapper.toDomain(sent);
    String target = id == null ? null : id.getIdPart();
    if (conditionalUrl != null) {
      Optional<PatientView> match = byIdentifier(conditionalUrl, "conditional update");
      if (match.isEmpty()) {
        return created(sent, data, sent.getIdElement().getIdPart(), token);
      }
      target = match.get().id();
    }
    if (!patients.exists(target)) {
      return created(sent, data, target, token);
    }
    PatientView current = patients.get(target);
    Long expected = id == null ? null : Versions.expected(id);
    long version = expected != null ? expected : current.version();
    PatientView updated = patients.update(data.toUpdate(target, version));
    return new MethodOutcome(idOf(updated), false)
        .setResource(kept.written(sent, PatientFhirMapper.toFhir(updated), Set.of()));
  }

  private MethodOutcome created(
      Patient sent, PatientFhirMapper.PatientData data, String id, AccessToken token) {
    PatientView created = patients.register(data.toRegister(id));
    careTeam.place(created.id(), token);
    return new MethodOutcome(idOf(created), true)
        .setResource(kept.written(sent, PatientFhirMapper.toFhir(created), Set.of()));
  }

  /** The patient a conditional URL's {@code identifier=system|value} names. */
  private Optional<PatientView> byIdentifier(String conditionalUrl, String what) {
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
    return patients.findByIdentifier(token.substring(0, bar), token.substring(bar + 1));
  }

  static IdType idOf(PatientView view) {
    return new IdType("Patient", view.id(), Long.toString(view.version()));
  }
}
