package app.lumbra.fhir.procedure;

import app.lumbra.exchange.application.SessionStatement;
import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.session.application.SessionView;
import app.lumbra.session.application.SoapNotesData;
import app.lumbra.session.domain.SessionStatus;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * Treatment session ⇄ FHIR {@code Procedure} (FHIR-1, OBS-3): status (planned → preparation,
 * attended → completed, missed / cancelled → not-done with a coded reason), {@code basedOn} the
 * care plan, {@code performedPeriod}, the therapist as performer, target regions as {@code
 * bodySite} (SNOMED CT lumbar region where verified), techniques, pain before / after and SOAP
 * notes in extensions and annotated notes.
 */
public final class ProcedureFhirMapper {

  /**
   * The elements the domain owns (FHIR-1 "keep"): the projection is their authority; everything
   * else a partner sends is kept as sent.
   */
  public static final Set<String> OWNED =
      Set.of(
          "extension",
          "status",
          "statusReason",
          "code",
          "subject",
          "basedOn",
          "performed",
          "performer",
          "bodySite",
          "note");

  private static final Set<String> EXTENSIONS =
      Set.of(
          Extensions.SCHEDULED_AT,
          Extensions.PLANNED_DURATION,
          Extensions.TECHNIQUE,
          Extensions.PAIN_BEFORE,
          Extensions.PAIN_AFTER);
  private static final List<String> SOAP_PARTS =
      List.of("subjective", "objective", "assessment", "plan");

  private ProcedureFhirMapper() {}

  public static Procedure toFhir(SessionView view) {
    Procedure procedure = new Procedure();
    procedure.setIdElement(new IdType("Procedure", view.id(), Long.toString(view.version())));
    procedure.getMeta().setVersionId(Long.toString(view.version()));
    procedure.getMeta().setLastUpdated(FhirTime.date(view.updatedAt()));
    procedure.getMeta().addProfile(Terminology.US_CORE_PROCEDURE);
    procedure.setStatus(status(view.status()));
    if (view.status() == SessionStatus.MISSED || view.status() == SessionStatus.CANCELLED) {
      String code =
          view.status() == SessionStatus.MISSED
              ? Terminology.SESSION_MISSED
              : Terminology.SESSION_CANCELLED;
      procedure.setStatusReason(
          new CodeableConcept(Terminology.lumbra(code)).setText(view.statusReason()));
    }
    procedure.setCode(Terminology.massage());
    procedure.setSubject(Refs.to("Patient", view.patientId()));
    procedure.addBasedOn(Refs.to("CarePlan", view.carePlanId()));
    Ext.add(procedure, Extensions.SCHEDULED_AT, FhirTime.dateTime(view.scheduledAt()));
    if (view.plannedDurationMinutes() != null) {
      Ext.add(
          procedure, Extensions.PLANNED_DURATION, new IntegerType(view.plannedDurationMinutes()));
    }
    if (view.performedAt() != null) {
      procedure.setPerformed(
          new Period()
              .setStartElement(FhirTime.dateTime(view.performedAt()))
              .setEndElement(
                  FhirTime.dateTime(view.performedAt().plusMinutes(view.durationMinutes()))));
    }
    if (view.therapist() != null) {
      procedure.addPerformer().setActor(new Reference().setDisplay(view.therapist()));
    }
    for (TargetRegion region : new TreeSet<>(view.targetRegions())) {
      procedure.addBodySite(Terminology.region(region));
    }
    for (Technique technique : new TreeSet<>(view.techniques())) {
      Ext.add(procedure, Extensions.TECHNIQUE, Terminology.coding(technique));
    }
    if (view.prePain() != null) {
      Ext.add(procedure, Extensions.PAIN_BEFORE, new IntegerType(view.prePain()));
    }
    if (view.postPain() != null) {
      Ext.add(procedure, Extensions.PAIN_AFTER, new IntegerType(view.postPain()));
    }
    SoapNotesData notes = view.notes();
    addNote(procedure, "subjective", notes.subjective());
    addNote(procedure, "objective", notes.objective());
    addNote(procedure, "assessment", notes.assessment());
    addNote(procedure, "plan", notes.plan());
    return procedure;
  }

  private static void addNote(Procedure procedure, String part, String text) {
    if (text != null) {
      Annotation note = procedure.addNote().setText(text);
      Ext.add(note, Extensions.SOAP_PART, new CodeType(part));
    }
  }

  private static Procedure.ProcedureStatus status(SessionStatus status) {
    return switch (status) {
      case PLANNED -> Procedure.ProcedureStatus.PREPARATION;
      case ATTENDED -> Procedure.ProcedureStatus.COMPLETED;
      case MISSED, CANCELLED -> Procedure.ProcedureStatus.NOTDONE;
    };
  }

  public static SessionStatement toDomain(Procedure procedure) {
    if (!StandardInput.isMassage(procedure.getCode())) {
      throw new InvalidValueException(
          "Procedure.code",
          procedure.getCode().getCodingFirstRep().getCode(),
          Terminology.SNOMED + "|" + Terminology.SNOMED_MASSAGE + " (massage)");
    }
    SessionStatus status = status(procedure);
    // Without basedOn the session is the patient's active plan's (the exchange use case decides).
    String carePlanId = Refs.firstOf("Procedure.basedOn", "CarePlan", procedure.getBasedOn());
    OffsetDateTime performedAt = null;
    Integer minutes = null;
    if (procedure.hasPerformed()) {
      if (!procedure.hasPerformedPeriod()) {
        throw new InvalidValueException(
            "Procedure.performed[x]", procedure.getPerformed().fhirType(), "performedPeriod");
      }
      Period period = procedure.getPerformedPeriod();
      performedAt =
          FhirTime.offsetDateTime("Procedure.performedPeriod.start", period.getStartElement());
      OffsetDateTime end =
          FhirTime.offsetDateTime("Procedure.performedPeriod.end", period.getEndElement());
      if (performedAt == null || end == null) {
        throw new InvalidValueException(
            "Procedure.performedPeriod", null, "a start and an end (PLAN-5: 30 to 60 minutes)");
      }
      Duration length = Duration.between(performedAt, end);
      if (length.toSecondsPart() != 0 || length.isNegative()) {
        throw new InvalidValueException(
            "Procedure.performedPeriod.end", end, "whole minutes after the start");
      }
      minutes = (int) length.toMinutes();
    }
    // The therapist is the first performer's name; a reference to a Practitioner, and any other
    // performer, are a partner's and are kept as sent (FHIR-1).
    String therapist = null;
    if (procedure.hasPerformer()) {
      Reference actor = procedure.getPerformerFirstRep().getActor();
      therapist = actor.hasDisplay() ? actor.getDisplay() : null;
    }
    Set<TargetRegion> regions = EnumSet.noneOf(TargetRegion.class);
    // FHIR-6: a site Lumbra has a region for (SNOMED CT or its own code) is a target region; any
    // other site is a partner's and is kept as sent (FHIR-1).
    for (CodeableConcept site : procedure.getBodySite()) {
      StandardInput.region(TargetRegion.class, site)
          .or(() -> Terminology.find(TargetRegion.class, site))
          .ifPresent(regions::add);
    }
    Set<Technique> techniques = EnumSet.noneOf(Technique.class);
    for (var extension : Ext.all(procedure, Extensions.TECHNIQUE)) {
      techniques.add(
          Terminology.parse(
              Technique.class,
              "Procedure.extension('technique')",
              Ext.value(extension, Extensions.TECHNIQUE, Coding.class)));
    }
    DateTimeType scheduled = Ext.value(procedure, Extensions.SCHEDULED_AT, DateTimeType.class);
    IntegerType planned = Ext.value(procedure, Extensions.PLANNED_DURATION, IntegerType.class);
    IntegerType before = Ext.value(procedure, Extensions.PAIN_BEFORE, IntegerType.class);
    IntegerType after = Ext.value(procedure, Extensions.PAIN_AFTER, IntegerType.class);
    return new SessionStatement(
        carePlanId,
        Refs.required("Procedure.subject", "Patient", procedure.getSubject()),
        status,
        procedure.hasStatusReason() ? procedure.getStatusReason().getText() : null,
        FhirTime.offsetDateTime("Procedure.extension('scheduled-at')", scheduled),
        planned == null ? null : planned.getValue(),
        performedAt,
        minutes,
        therapist,
        techniques,
        regions,
        before == null ? null : before.getValue(),
        after == null ? null : after.getValue(),
        notes(procedure));
  }

  private static SessionStatus status(Procedure procedure) {
    Procedure.ProcedureStatus status = procedure.getStatus();
    if (status == Procedure.ProcedureStatus.PREPARATION) {
      return SessionStatus.PLANNED;
    }
    if (status == Procedure.ProcedureStatus.COMPLETED) {
      return SessionStatus.ATTENDED;
    }
    if (status == Procedure.ProcedureStatus.NOTDONE) {
      CodeableConcept reason = procedure.getStatusReason();
      if (Terminology.has(reason, Terminology.LUMBRA, Terminology.SESSION_MISSED)) {
        return SessionStatus.MISSED;
      }
      // A session not done for a reason Lumbra has no code for (a partner's own statusReason,
      // kept as sent) did not take place: cancelled (OBS-3).
      return SessionStatus.CANCELLED;
    }
    throw new InvalidValueException(
        "Procedure.status",
        status == null ? null : status.toCode(),
        "preparation (planned), completed (attended) or not-done (missed / cancelled)");
  }

  private static SoapNotesData notes(Procedure procedure) {
    String[] parts = new String[SOAP_PARTS.size()];
    for (int i = 0; i < procedure.getNote().size(); i++) {
      Annotation note = procedure.getNote().get(i);
      String path = "Procedure.note[" + i + "]";
      CodeType part = Ext.value(note, Extensions.SOAP_PART, CodeType.class);
      if (part == null) {
        // A partner's note that is no SOAP part is kept as sent (FHIR-1).
        continue;
      }
      int index = SOAP_PARTS.indexOf(part.getValue());
      if (index < 0 || parts[index] != null) {
        throw new InvalidValueException(
            path + ".extension('soap-part')", part.getValue(), "one note each of " + SOAP_PARTS);
      }
      parts[index] = note.getText();
    }
    return new SoapNotesData(parts[0], parts[1], parts[2], parts[3]);
  }
}
