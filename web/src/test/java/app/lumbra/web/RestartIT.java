package app.lumbra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.BackendClient;
import app.lumbra.web.it.LumbraProcess;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Data written before a restart is there after it, on the embedded file database; so is Lumbra's
 * token signing key, so tokens issued before the restart still work after it.
 */
class RestartIT {

  @Test
  void aPatientCreatedBeforeARestartIsReadAfterIt() throws Exception {
    try (LumbraProcess lumbra = LumbraProcess.onEmbeddedDatabase("restart").start()) {
      Patient patient = new Patient();
      patient.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue("MRN-RESTART-1");
      patient.addName().setFamily("Restart").addGiven("Rosa");
      patient.setGender(AdministrativeGender.FEMALE);
      patient.setBirthDateElement(new DateType("1968-11-30"));
      IIdType id =
          client(lumbra).create().resource(patient).execute().getId().toUnqualifiedVersionless();
      // Lumbra's token signing key is stored, so its tokens outlive a restart.
      String token =
          BackendClient.register(lumbra, "system/Patient.rs", null)
              .accessToken(lumbra, "system/Patient.rs");
      String keysBefore = get(lumbra, "/auth/jwks", null).body();

      lumbra.stop();
      lumbra.start();

      assertThat(get(lumbra, "/auth/jwks", null).body()).isEqualTo(keysBefore);
      HttpResponse<String> withOldToken = get(lumbra, "/fhir/" + id.getValue(), token);
      assertThat(withOldToken.statusCode()).as(withOldToken.body()).isEqualTo(200);
      assertThat(withOldToken.body()).contains("MRN-RESTART-1");

      Patient read = client(lumbra).read().resource(Patient.class).withId(id).execute();
      assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Restart");
      assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("MRN-RESTART-1");
      assertThat(lumbra.logText()).contains("0 migrations applied now");
    }
  }

  private static HttpResponse<String> get(LumbraProcess lumbra, String path, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(lumbra.uri(path)).header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static IGenericClient client(LumbraProcess lumbra) {
    return lumbra.fhirClient();
  }
}
