package app.lumbra.alert.domain;

import app.lumbra.safety.domain.AlertKind;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SAFE-4: an alert raised for a care plan by a rule (PROG-3..7, ADH-2, SAFE-1..3), with its
 * urgency, a title and reason in a clinician's words, and the evidence it rests on.
 *
 * <p>Rules: the id is derived from plan, rule and evidence, so the same evidence is always the same
 * alert and an acknowledged alert is not raised again. An alert is current while its rule still
 * raises it; it is acknowledged once, with who, when and a note. Lifecycle: {@link #raise} → {@link
 * #acknowledge} (optional); {@link #lapse} / {@link #raisedAgain} follow the rule.
 */
@Entity
@Table(name = "clinical_alert")
public class Alert {

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "care_plan_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String carePlanId;

  @Column(name = "rule_id", nullable = false, length = 16)
  private String ruleId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private AlertKind kind;

  @Column(name = "topic", nullable = false, length = 200)
  private String topic;

  @Column(name = "evidence_key", nullable = false, length = 250)
  private String evidenceKey;

  @Column(name = "title", nullable = false, length = 200)
  private String title;

  @Column(name = "reason", nullable = false, length = 2000)
  private String reason;

  /** When the rule stopped raising it; null while it is current. */
  @Column(name = "lapsed_at")
  private OffsetDateTime lapsedAt;

  @Column(name = "raised_at", nullable = false)
  private OffsetDateTime raisedAt;

  @Column(name = "acknowledged_at")
  private OffsetDateTime acknowledgedAt;

  @Column(name = "acknowledged_by", length = 200)
  private String acknowledgedBy;

  @Column(name = "acknowledge_note", length = 2000)
  private String acknowledgeNote;

  protected Alert() {}

  /** The id of the alert of {@code ruleId} on {@code evidenceKey} in a plan: a FHIR id. */
  public static String idOf(String carePlanId, String ruleId, String evidenceKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (carePlanId + "|" + ruleId + "|" + evidenceKey).getBytes(StandardCharsets.UTF_8));
      return "alert-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A new current alert. */
  public static Alert raise(
      String patientId,
      String carePlanId,
      String ruleId,
      AlertKind kind,
      String topic,
      String evidenceKey,
      String title,
      String reason,
      Clock clock) {
    Alert alert = new Alert();
    alert.id = idOf(carePlanId, ruleId, evidenceKey);
    alert.patientId = patientId;
    alert.carePlanId = carePlanId;
    alert.ruleId = ruleId;
    alert.kind = kind;
    alert.topic = cut(topic, 200);
    alert.evidenceKey = cut(evidenceKey, 250);
    alert.title = cut(title, 200);
    alert.reason = cut(reason, 2000);
    alert.raisedAt = OffsetDateTime.now(clock);
    return alert;
  }

  /** The rule raises it again on the same evidence: current, with the latest wording. */
  public void raisedAgain(AlertKind kind, String title, String reason) {
    this.kind = kind;
    this.title = cut(title, 200);
    this.reason = cut(reason, 2000);
    this.lapsedAt = null;
  }

  /** The rule no longer raises it. */
  public void lapse(Clock clock) {
    lapsedAt = OffsetDateTime.now(clock);
  }

  /**
   * SAFE-4: the clinician has seen it; it stays on the chart as acknowledged and leaves "Needs
   * attention".
   */
  public void acknowledge(String author, String note, Clock clock) {
    if (acknowledgedAt != null) {
      throw new RuleViolationException(
          "SAFE-4",
          "alert",
          "this alert was already acknowledged by "
              + acknowledgedBy
              + " on "
              + acknowledgedAt.toLocalDate());
    }
    if (author == null || author.isBlank() || author.length() > 200) {
      throw new InvalidValueException("author", author, "who acknowledges it, 1 to 200 characters");
    }
    if (note != null && note.length() > 2000) {
      throw new InvalidValueException(
          "note", note.length() + " characters", "at most 2000 characters");
    }
    acknowledgedBy = author.strip();
    acknowledgedAt = OffsetDateTime.now(clock);
    acknowledgeNote = note == null || note.isBlank() ? null : note.strip();
  }

  /** Current and not acknowledged: it needs attention. */
  public boolean isOpen() {
    return lapsedAt == null && acknowledgedAt == null;
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
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

  public String ruleId() {
    return ruleId;
  }

  public AlertKind kind() {
    return kind;
  }

  public String topic() {
    return topic;
  }

  public String evidenceKey() {
    return evidenceKey;
  }

  public String title() {
    return title;
  }

  public String reason() {
    return reason;
  }

  public boolean isCurrent() {
    return lapsedAt == null;
  }

  public OffsetDateTime raisedAt() {
    return raisedAt;
  }

  public Optional<OffsetDateTime> acknowledgedAt() {
    return Optional.ofNullable(acknowledgedAt);
  }

  public Optional<String> acknowledgedBy() {
    return Optional.ofNullable(acknowledgedBy);
  }

  public Optional<String> acknowledgeNote() {
    return Optional.ofNullable(acknowledgeNote);
  }
}
