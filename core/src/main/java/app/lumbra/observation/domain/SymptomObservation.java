package app.lumbra.observation.domain;

import app.lumbra.shared.Codes;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of one measure (OBS-1, OBS-2) for a patient at an effective date-time, optionally
 * within a care plan and a treatment session.
 *
 * <p>Rules: the value is valid for its measure and the effective time is not in the future (OBS-4);
 * a reading in a session context ({@code PRE_SESSION}, {@code POST_SESSION}) names its session, and
 * only such readings do. A reading is immutable once recorded: corrections are new readings, so
 * what an EHR once read stays reproducible.
 *
 * <p>Patients and care plans are referenced by id only; they belong to other modules.
 */
@Entity
@Table(name = "symptom_observation")
// A reading never changes once recorded, so EclipseLink's shared cache can answer a read
// by id without SQL and never serves a stale reading.
@Cacheable
public class SymptomObservation {

  static final int MAX_ID_LENGTH = 64;

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "patient_id", nullable = false, length = MAX_ID_LENGTH)
  private String patientId;

  @Column(name = "care_plan_id", length = MAX_ID_LENGTH)
  private String carePlanId;

  @Column(name = "session_id", length = 64)
  private String sessionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "code", nullable = false, length = 32)
  private ObservationCode code;

  @Column(name = "score_value")
  private Integer scoreValue;

  @Column(name = "morning_stiffness")
  private Boolean morningStiffness;

  @Column(name = "category_value", length = 32)
  private String categoryValue;

  @Column(name = "leg_pain_side", length = 16)
  private String legPainSide;

  @Enumerated(EnumType.STRING)
  @Column(name = "reading_context", nullable = false, length = 16)
  private ReadingContext context;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, length = 16)
  private ReadingSource source;

  @Column(name = "effective_at", nullable = false)
  private OffsetDateTime effectiveAt;

  // PostgreSQL keeps only the instant of a TIMESTAMP WITH TIME ZONE; the offset the reading was
  // taken in is kept here so that it comes back exactly as it was sent (FHIR-1).
  @Column(name = "effective_offset_seconds", nullable = false)
  private int effectiveOffsetSeconds;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  /**
   * Whether the partner that sent this reading sent more than Lumbra models, so that a document is
   * kept beside it (FHIR-1). Reads of the many readings that carry none then need no second lookup.
   */
  @Column(name = "partner_document", nullable = false)
  private boolean partnerDocument;

  protected SymptomObservation() {
    // for JPA
  }

  private SymptomObservation(
      String requestedId,
      String patientId,
      String carePlanId,
      String sessionId,
      ReadingContext context,
      ReadingSource source,
      OffsetDateTime effectiveAt,
      SymptomReading reading,
      Clock clock) {
    this.id = RecordIds.requestedOrTimeOrdered("observationId", requestedId);
    this.patientId = requiredId("patientId", patientId);
    this.carePlanId = optionalId("carePlanId", carePlanId);
    this.sessionId = optionalId("sessionId", sessionId);
    this.context =
        InvalidValueException.required(
            ReadingContext.FIELD, context, Codes.allowed(ReadingContext.class));
    this.source =
        InvalidValueException.required(
            ReadingSource.FIELD, source, Codes.allowed(ReadingSource.class));
    checkSessionContext(this.context, this.sessionId);
    OffsetDateTime effective = RecordedTime.notInFuture("effectiveDateTime", effectiveAt, clock);
    this.effectiveAt = effective;
    this.effectiveOffsetSeconds = effective.getOffset().getTotalSeconds();
    this.recordedAt = OffsetDateTime.now(clock);
    store(InvalidValueException.required("value", reading, "a reading of a known measure"));
    // A reading is version 1 from the start and forever (it never changes); the JPA provider
    // writes the same value at insert, which now happens at commit rather than here.
    this.version = 1;
  }

  /**
   * Records a reading after checking it (OBS-4). Throws {@link InvalidValueException} naming the
   * field when anything is missing, malformed or in the future.
   */
  public static SymptomObservation record(
      String patientId,
      String carePlanId,
      String sessionId,
      ReadingContext context,
      ReadingSource source,
      OffsetDateTime effectiveAt,
      SymptomReading reading,
      Clock clock) {
    return record(
        null, patientId, carePlanId, sessionId, context, source, effectiveAt, reading, clock);
  }

  /**
   * Records a reading with the id an EHR chose (FHIR-8), or a fresh time-ordered one when {@code
   * requestedId} is null; the application service makes sure no other reading has it.
   */
  public static SymptomObservation record(
      String requestedId,
      String patientId,
      String carePlanId,
      String sessionId,
      ReadingContext context,
      ReadingSource source,
      OffsetDateTime effectiveAt,
      SymptomReading reading,
      Clock clock) {
    return new SymptomObservation(
        requestedId,
        patientId,
        carePlanId,
        sessionId,
        context,
        source,
        effectiveAt,
        reading,
        clock);
  }

  /** A session context needs its session, and a session id only makes sense in one. */
  private static void checkSessionContext(ReadingContext context, String sessionId) {
    if (context.isSessionContext() && sessionId == null) {
      throw new InvalidValueException(
          "sessionId", null, "the id of the session the " + context + " reading belongs to");
    }
    if (!context.isSessionContext() && sessionId != null) {
      throw new InvalidValueException(
          ReadingContext.FIELD, context, "PRE_SESSION or POST_SESSION when a session is given");
    }
  }

  private void store(SymptomReading reading) {
    this.code = reading.code();
    Measure.Stored stored = reading.stored();
    scoreValue = stored.score();
    categoryValue = stored.category();
    morningStiffness = stored.morning();
    legPainSide = stored.side();
  }

  /** The reading, rebuilt (and so re-validated) from what was stored. */
  public SymptomReading reading() {
    return code.measure()
        .read(new Measure.Stored(scoreValue, categoryValue, morningStiffness, legPainSide));
  }

  static String requiredId(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new InvalidValueException(
          field, value, "a non-blank id of at most " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  static String optionalId(String field, String value) {
    return value == null ? null : requiredId(field, value);
  }

  public String id() {
    return id;
  }

  public String patientId() {
    return patientId;
  }

  public Optional<String> carePlanId() {
    return Optional.ofNullable(carePlanId);
  }

  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  public ObservationCode code() {
    return code;
  }

  public ReadingContext context() {
    return context;
  }

  public ReadingSource source() {
    return source;
  }

  public OffsetDateTime effectiveAt() {
    return effectiveAt.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(effectiveOffsetSeconds));
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  /** Notes that the partner's document is kept beside this reading; the reading stays as it is. */
  public void notePartnerDocument() {
    this.partnerDocument = true;
  }

  public boolean hasPartnerDocument() {
    return partnerDocument;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof SymptomObservation that && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
