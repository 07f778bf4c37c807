package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * SAFE-3: an adverse response the patient had after a session of a plan, recorded by the clinician
 * (or the patient, OUT-5). Rules: noticed on a day that is not in the future; never changed once
 * recorded. Each one raises an alert; two in one plan suggest reviewing the plan.
 */
@Entity
@Table(name = "adverse_response")
public class AdverseResponse {

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "care_plan_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String carePlanId;

  @Column(name = "session_id", length = RecordIds.MAX_LENGTH)
  private String sessionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 40)
  private AdverseResponseKind kind;

  @Column(name = "noticed_on", nullable = false)
  private LocalDate noticedOn;

  @Column(name = "note", length = 2000)
  private String note;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  protected AdverseResponse() {}

  public static AdverseResponse record(
      String patientId,
      String carePlanId,
      String sessionId,
      AdverseResponseKind kind,
      LocalDate noticedOn,
      String note,
      String author,
      Clock clock) {
    AdverseResponse response = new AdverseResponse();
    response.id = TimeOrderedIds.next();
    response.patientId = RecordIds.check("patientId", patientId);
    response.carePlanId = RecordIds.check("carePlanId", carePlanId);
    response.sessionId = sessionId == null ? null : RecordIds.check("sessionId", sessionId);
    response.kind =
        InvalidValueException.required(
            AdverseResponseKind.FIELD, kind, Arrays.toString(AdverseResponseKind.values()));
    LocalDate today = LocalDate.now(clock);
    InvalidValueException.required("noticedOn", noticedOn, "a date up to " + today);
    if (noticedOn.isAfter(today)) {
      throw new InvalidValueException("noticedOn", noticedOn, "a date up to " + today);
    }
    response.noticedOn = noticedOn;
    response.note = Codes.text(note, 2000);
    response.recordedBy = Codes.author(author);
    response.recordedAt = OffsetDateTime.now(clock);
    return response;
  }

  public String id() {
    return id;
  }

  public String patientId() {
    return patientId;
  }

  public String carePlanId() {
    return carePlanId;
  }

  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  public AdverseResponseKind kind() {
    return kind;
  }

  public LocalDate noticedOn() {
    return noticedOn;
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
