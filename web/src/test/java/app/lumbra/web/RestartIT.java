package app.lumbra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Data written before a restart is there after it, on the embedded file database. */
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

      lumbra.stop();
      lumbra.start();

      Patient read = client(lumbra).read().resource(Patient.class).withId(id).execute();
      assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Restart");
      assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("MRN-RESTART-1");
      assertThat(lumbra.logText()).contains("0 migrations applied now");
    }
  }

  private static IGenericClient client(LumbraProcess lumbra) {
    return lumbra.fhirClient();
  }
}
