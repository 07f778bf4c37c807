package app.lumbra.session.domain;

import app.lumbra.observation.domain.ObservationCode;
import app.lumbra.observation.domain.ReadingContext;
import app.lumbra.observation.domain.RecordedTime;
import app.lumbra.observation.domain.SymptomObservation;
import app.lumbra.shared.Codes;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.SessionLength;
import app.lumbra.shared.VersionConflictException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A massage session of a care plan (OBS-3).
 *
 * <p>Lifecycle: {@code PLANNED} → {@code ATTENDED} | {@code MISSED} | {@code CANCELLED}; the end
 * states are final ({@link SessionStatus#canMoveTo}). A session performed without being scheduled
 * (for example reported by an EHR) starts directly as attended.
 *
 * <p>Rules: every planned and performed session names at least one target region, and a full-body
 * session is flagged untargeted (PLAN-7); an attended session records when it was performed (not in
 * the future, OBS-4), its duration (PLAN-5 plans 30–60 minutes; a performed session outside that
 * range is recorded as it happened, with a warning), the therapist and at least one technique
 * (PLAN-8), and optionally SOAP notes. Pain before and after (OBS-1) is not kept here: it is a pair
 * of readings of the session, which the session names. Missed and cancelled sessions carry a
 * reason; a session can only be missed once its time has come.
 *
 * <p>Patients and care plans are referenced by id only; they belong to other modules.
 */
@Entity
@Table(name = "treatment_session")
public class TreatmentSession {

  static final int MAX_ID_LENGTH = 64;
  static final int MAX_TEXT_LENGTH = 500;

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "care_plan_id", nullable = false, length = MAX_ID_LENGTH)
  private String carePlanId;

  @Column(name = "patient_id", nullable = false, length = MAX_ID_LENGTH)
  private String patientId;

  @Column(name = "scheduled_at", nullable = false)
  private OffsetDateTime scheduledAt;

  // PostgreSQL keeps only the instant of a TIMESTAMP WITH TIME ZONE; the offsets are kept so that
  // times come back exactly as they were sent (FHIR-1).
  @Column(name = "scheduled_offset_seconds", nullable = false)
  private int scheduledOffsetSeconds;

  @Column(name = "planned_duration_minutes")
  private Integer plannedDurationMinutes;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private SessionStatus status;

  @Column(name = "status_reason", length = MAX_TEXT_LENGTH)
  private String statusReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "cancelled_by", length = 16)
  private CancelledBy cancelledBy;

  @Column(name = "performed_at")
  private OffsetDateTime performedAt;

  @Column(name = "performed_offset_seconds")
  private Integer performedOffsetSeconds;

  @Column(name = "duration_minutes")
  private Integer durationMinutes;

  @Column(name = "therapist", length = 200)
  private String therapist;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "treatment_session_technique",
      joinColumns = @JoinColumn(name = "session_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "technique", nullable = false, length = 32)
  private Set<Technique> techniques = EnumSet.noneOf(Technique.class);

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "treatment_session_region",
      joinColumns = @JoinColumn(name = "session_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "region", nullable = false, length = 32)
  private Set<TargetRegion> targetRegions = EnumSet.noneOf(TargetRegion.class);

  // The pain before and after is stored once, as PRE_SESSION / POST_SESSION readings of this
  // session; the session only names them. No foreign key: the reading already has one to the
  // session, and one each way would stop the two rows from being written in one batch.
  @Column(name = "pre_pain_reading_id", length = MAX_ID_LENGTH)
  private String prePainReadingId;

  @Column(name = "post_pain_reading_id", length = MAX_ID_LENGTH)
  private String postPainReadingId;

  @Embedded private SoapNotes notes;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected TreatmentSession() {
    // for JPA
  }

  private TreatmentSession(
      String id,
      String carePlanId,
      String patientId,
      OffsetDateTime scheduledAt,
      Set<TargetRegion> targetRegions,
      Clock clock) {
    this.id = RecordIds.requestedOrRandom("sessionId", id);
    this.carePlanId = requiredId("carePlanId", carePlanId);
    this.patientId = requiredId("patientId", patientId);
    InvalidValueException.required("scheduledAt", scheduledAt, "a date-time with offset");
    this.scheduledAt = scheduledAt;
    this.scheduledOffsetSeconds = scheduledAt.getOffset().getTotalSeconds();
    this.targetRegions = regions(targetRegions);
    this.status = SessionStatus.PLANNED;
    this.notes = SoapNotes.none();
    this.createdAt = OffsetDateTime.now(clock);
    this.updatedAt = createdAt;
  }

  /** Plans a session; duration may be left open until it is performed. */
  public static TreatmentSession schedule(
      String carePlanId,
      String patientId,
      OffsetDateTime scheduledAt,
      SessionDuration plannedDuration,
      Set<Technique> plannedTechniques,
      Set<TargetRegion> targetRegions,
      Clock clock) {
    return schedule(
        null,
        carePlanId,
        patientId,
        scheduledAt,
        plannedDuration,
        plannedTechniques,
        targetRegions,
        clock);
  }

  /**
   * Plans a session with the id an EHR chose (FHIR-8), or a fresh random one when {@code
   * requestedId} is null; the application service makes sure no other session has it.
   */
  public static TreatmentSession schedule(
      String requestedId,
      String carePlanId,
      String patientId,
      OffsetDateTime scheduledAt,
      SessionDuration plannedDuration,
      Set<Technique> plannedTechniques,
      Set<TargetRegion> targetRegions,
      Clock clock) {
    TreatmentSession session =
        new TreatmentSession(requestedId, carePlanId, patientId, scheduledAt, targetRegions, clock);
    session.plannedDurationMinutes =
        plannedDuration == null
            ? null
            : SessionLength.check(SessionDuration.FIELD, plannedDuration.minutes());
    session.techniques = techniquesOrEmpty(plannedTechniques);
    return session;
  }

  /** A session that was performed without having been scheduled here, e.g. reported by an EHR. */
  public static TreatmentSession recordUnscheduled(
      String carePlanId, String patientId, PerformedSession performed, Clock clock) {
    return recordUnscheduled(null, carePlanId, patientId, performed, clock);
  }

  /**
   * A performed, unscheduled session with the id an EHR chose (FHIR-8), or a fresh random one when
   * {@code requestedId} is null; the application service makes sure no other session has it.
   */
  public static TreatmentSession recordUnscheduled(
      String requestedId,
      String carePlanId,
      String patientId,
      PerformedSession performed,
      Clock clock) {
    InvalidValueException.required("performed", performed, "the details of the performed session");
    InvalidValueException.required(
        "performedAt", performed.performedAt(), "a date-time with offset, not in the future");
    TreatmentSession session =
        new TreatmentSession(
            requestedId,
            carePlanId,
            patientId,
            performed.performedAt(),
            performed.targetRegions(),
            clock);
    session.recordAttended(performed, clock);
    return session;
  }

  /**
   * OBS-3: the patient came; records what was done. The pain before and after is recorded as
   * readings of this session and named with {@link #referToPainReadings}.
   */
  public void recordAttended(PerformedSession performed, Clock clock) {
    InvalidValueException.required("performed", performed, "the details of the performed session");
    moveTo(SessionStatus.ATTENDED);
    OffsetDateTime at = RecordedTime.notInFuture("performedAt", performed.performedAt(), clock);
    InvalidValueException.required(
        SessionDuration.FIELD, performed.duration(), SessionLength.RECORDED_ALLOWED);
    String who = requiredText("therapist", performed.therapist());
    if (performed.techniques().isEmpty()) {
      throw new InvalidValueException(
          "techniques", "none", "PLAN-8: at least " + Codes.allowed(Technique.class));
    }
    Set<TargetRegion> regions = regions(performed.targetRegions());

    this.performedAt = at;
    this.performedOffsetSeconds = at.getOffset().getTotalSeconds();
    this.durationMinutes = performed.duration().minutes();
    this.therapist = who;
    this.techniques = EnumSet.copyOf(performed.techniques());
    this.targetRegions = regions;
    this.prePainReadingId = null;
    this.postPainReadingId = null;
    this.notes = performed.notes();
    this.status = SessionStatus.ATTENDED;
    this.statusReason = null;
    this.updatedAt = OffsetDateTime.now(clock);
  }

  /**
   * OBS-1: names the pain readings taken before and after this attended session (either may be
   * null). Each must be a pain reading of this session in the matching context.
   */
  public void referToPainReadings(SymptomObservation pre, SymptomObservation post) {
    if (status != SessionStatus.ATTENDED) {
      throw new RuleViolationException(
          "OBS-1", "prePain", "pain before and after is recorded for attended sessions only");
    }
    String before = painReadingId(pre, ReadingContext.PRE_SESSION, "prePain");
    String after = painReadingId(post, ReadingContext.POST_SESSION, "postPain");
    this.prePainReadingId = before;
    this.postPainReadingId = after;
  }

  private String painReadingId(SymptomObservation reading, ReadingContext context, String field) {
    if (reading == null) {
      return null;
    }
    if (reading.code() != ObservationCode.PAIN
        || reading.context() != context
        || !reading.sessionId().map(id::equals).orElse(false)) {
      throw new InvalidValueException(
          field, reading.id(), "a " + context + " pain reading of session " + id);
    }
    return reading.id();
  }

  /** OBS-3: the patient did not come; only once the session's time has come. */
  public void markMissed(String reason, Clock clock) {
    moveTo(SessionStatus.MISSED);
    String why = requiredText("reason", reason);
    if (scheduledAt.toInstant().isAfter(clock.instant())) {
      throw new RuleViolationException(
          "OBS-3",
          "status",
          "a session scheduled for " + scheduledAt() + " cannot be missed before it is due");
    }
    this.status = SessionStatus.MISSED;
    this.statusReason = why;
    this.updatedAt = OffsetDateTime.now(clock);
  }

  /** OBS-3: the session will not take place; the clinic called it off. */
  public void cancel(String reason, Clock clock) {
    cancel(reason, CancelledBy.CLINIC, clock);
  }

  /** OBS-3, ADH-1: the session will not take place, and who called it off. */
  public void cancel(String reason, CancelledBy by, Clock clock) {
    moveTo(SessionStatus.CANCELLED);
    this.statusReason = requiredText("reason", reason);
    this.cancelledBy = by == null ? CancelledBy.CLINIC : by;
    this.status = SessionStatus.CANCELLED;
    this.updatedAt = OffsetDateTime.now(clock);
  }

  /**
   * Optimistic locking at the boundary: a change based on an older version than the stored one is
   * refused so that the second writer learns about the first instead of overwriting it.
   */
  public void expectVersion(long expectedVersion) {
    if (expectedVersion != version) {
      throw new VersionConflictException("TreatmentSession", id, expectedVersion, version);
    }
  }

  private void moveTo(SessionStatus next) {
    if (!status.canMoveTo(next)) {
      throw new RuleViolationException(
          "OBS-3",
          "status",
          "a " + status + " session cannot become " + next + "; only PLANNED sessions change");
    }
  }

  private static Set<TargetRegion> regions(Set<TargetRegion> given) {
    if (given == null || given.isEmpty()) {
      throw new InvalidValueException(
          "targetRegions", "none", "PLAN-7: at least " + Codes.allowed(TargetRegion.class));
    }
    return EnumSet.copyOf(given);
  }

  private static Set<Technique> techniquesOrEmpty(Set<Technique> given) {
    return given == null || given.isEmpty()
        ? EnumSet.noneOf(Technique.class)
        : EnumSet.copyOf(given);
  }

  private static String requiredId(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new InvalidValueException(
          field, value, "a non-blank id of at most " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  private static String requiredText(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_TEXT_LENGTH) {
      throw new InvalidValueException(
          field, value, "non-blank text of at most " + MAX_TEXT_LENGTH + " characters");
    }
    return value.strip();
  }

  public String id() {
    return id;
  }

  public String carePlanId() {
    return carePlanId;
  }

  public String patientId() {
    return patientId;
  }

  public OffsetDateTime scheduledAt() {
    return scheduledAt.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(scheduledOffsetSeconds));
  }

  public Optional<SessionDuration> plannedDuration() {
    return Optional.ofNullable(plannedDurationMinutes).map(SessionDuration::ofMinutes);
  }

  public SessionStatus status() {
    return status;
  }

  /** Why a session was missed or cancelled. */
  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  public Optional<OffsetDateTime> performedAt() {
    return Optional.ofNullable(performedAt)
        .map(at -> at.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(performedOffsetSeconds)));
  }

  /**
   * What a clinician should know about this record against the planning rules; recording is never
   * refused for them (PLAN-5: a session longer or shorter than planned).
   */
  public List<String> warnings() {
    return durationMinutes == null
        ? List.of()
        : SessionLength.warning(durationMinutes).stream().toList();
  }

  /** ADH-1: who called the session off; empty unless cancelled, CLINIC for older records. */
  public Optional<CancelledBy> cancelledBy() {
    if (status != SessionStatus.CANCELLED) {
      return Optional.empty();
    }
    return Optional.of(cancelledBy == null ? CancelledBy.CLINIC : cancelledBy);
  }

  public Optional<SessionDuration> duration() {
    return Optional.ofNullable(durationMinutes).map(SessionDuration::ofMinutes);
  }

  public Optional<String> therapist() {
    return Optional.ofNullable(therapist);
  }

  /** Planned techniques while planned, performed ones once attended. */
  public Set<Technique> techniques() {
    return techniques.isEmpty() ? Set.of() : Set.copyOf(techniques);
  }

  /** Planned regions while planned, worked regions once attended. */
  public Set<TargetRegion> targetRegions() {
    return Set.copyOf(targetRegions);
  }

  /** PLAN-7 flag. */
  public boolean isUntargeted() {
    return TargetRegion.isUntargeted(targetRegions);
  }

  /** The id of the pain reading taken before this session (OBS-1), if one was. */
  public Optional<String> prePainReadingId() {
    return Optional.ofNullable(prePainReadingId);
  }

  /** The id of the pain reading taken after this session (OBS-1), if one was. */
  public Optional<String> postPainReadingId() {
    return Optional.ofNullable(postPainReadingId);
  }

  public SoapNotes notes() {
    return notes == null ? SoapNotes.none() : notes;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof TreatmentSession that && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
