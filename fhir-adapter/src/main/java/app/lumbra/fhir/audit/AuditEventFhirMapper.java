package app.lumbra.fhir.audit;

import app.lumbra.audit.application.AuditEntryView;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** An audit record as a FHIR R4 {@code AuditEvent} (one way: they are never written over FHIR). */
public final class AuditEventFhirMapper {

  static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
  static final String LUMBRA_ACTION = "https://lumbra.app/fhir/CodeSystem/portal-action";

  private AuditEventFhirMapper() {}

  public static AuditEvent toFhir(AuditEntryView entry) {
    AuditEvent event = new AuditEvent();
    event.setId(entry.id());
    boolean fhir = "FHIR".equals(entry.channel());
    event.setType(
        fhir
            ? new Coding(
                "http://terminology.hl7.org/CodeSystem/audit-event-type",
                "rest",
                "RESTful Operation")
            : new Coding(DICOM, "110110", "Patient Record"));
    event.addSubtype(new Coding(fhir ? RESTFUL_INTERACTION : LUMBRA_ACTION, entry.action(), null));
    event.setAction(action(entry.action()));
    event.setRecorded(Date.from(entry.recordedAt().toInstant()));
    event.setOutcome(
        switch (entry.outcome()) {
          case ALLOWED -> AuditEventOutcome._0;
          case DENIED -> AuditEventOutcome._4;
          case FAILED -> AuditEventOutcome._8;
        });
    event.setOutcomeDesc(
        entry.outcome().name().toLowerCase(Locale.ROOT)
            + " ("
            + entry.status()
            + ")"
            + (entry.detail() == null ? "" : ": " + entry.detail()));
    event
        .addAgent()
        .setRequestor(true)
        .setName(entry.agent())
        .setWho(new Reference().setDisplay(entry.agent()));
    event
        .getSource()
        .setSite("Lumbra " + entry.channel())
        .setObserver(new Reference().setDisplay("Lumbra"));
    AuditEvent.AuditEventEntityComponent what = event.addEntity().setDescription(entry.entity());
    if (entry.patientId() != null) {
      what.setWhat(new Reference("Patient/" + entry.patientId()));
    }
    return event;
  }

  private static AuditEventAction action(String action) {
    return switch (action) {
      case "create" -> AuditEventAction.C;
      case "update", "patch" -> AuditEventAction.U;
      case "delete" -> AuditEventAction.D;
      case "read",
          "vread",
          "search-type",
          "search-system",
          "history-instance",
          "history-type",
          "history-system",
          "get-page",
          "view" ->
          AuditEventAction.R;
      default -> AuditEventAction.E;
    };
  }
}
