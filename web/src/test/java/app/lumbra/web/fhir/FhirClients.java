package app.lumbra.web.fhir;

import app.lumbra.web.it.LumbraProcess;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/** Clients and intention-revealing fixtures for the black-box FHIR ITs. */
public final class FhirClients {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";

  private FhirClients() {}

  public static IGenericClient client(LumbraProcess lumbra) {
    // A broad system token, so these tests are about FHIR, not security.
    return lumbra.fhirClient();
  }

  /** A patient with a fresh MRN, so tests sharing the server never collide. */
  static Patient newPatient(String family) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(MRN).setValue("MRN-" + UUID.randomUUID());
    patient.addName().setFamily(family).addGiven("Anna").addGiven("Maria");
    patient.setBirthDateElement(new DateType("1980-05-17"));
    patient.setGender(AdministrativeGender.FEMALE);
    return patient;
  }

  static IdType createPatient(IGenericClient client, String family) {
    MethodOutcome outcome = client.create().resource(newPatient(family)).execute();
    return (IdType) outcome.getId();
  }

  /** The chronic-pain plan of {@code careplan.json} for the patient, in {@code status}. */
  static CarePlan carePlan(String patientId, String status) {
    return FHIR.newJsonParser()
        .parseResource(
            CarePlan.class,
            resource("fhir/careplan.json")
                .replace("${patient}", patientId)
                .replace("${status}", status));
  }

  /**
   * The pain score of {@code observation-pain.json} as JSON: {@code value} (0–10) at {@code date}.
   */
  static String painJson(String patientId, int value, String date) {
    return resource("fhir/observation-pain.json")
        .replace("${patient}", patientId)
        .replace("${value}", Integer.toString(value))
        .replace("${date}", date);
  }

  /** {@link #painJson} parsed. */
  static Observation pain(String patientId, int value, String date) {
    return FHIR.newJsonParser().parseResource(Observation.class, painJson(patientId, value, date));
  }

  /** The readings stored for the patient (one search page). */
  static List<Bundle.BundleEntryComponent> readingsOf(IGenericClient client, String patientId) {
    return client
        .search()
        .forResource(Observation.class)
        .where(Observation.SUBJECT.hasId("Patient/" + patientId))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry();
  }

  static String resource(String path) {
    try (InputStream in = FhirClients.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("test resource " + path, e);
    }
  }
}
