package app.lumbra.audit.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One access to patient data: who ({@code agent}), through which channel ({@code FHIR} or {@code
 * PORTAL}), what action on what ({@code action}, {@code entity}, and the patient when known), when,
 * and the outcome with its HTTP status.
 *
 * <p>Rules: a record is complete when written (agent, channel, action, entity, outcome and time are
 * required; long texts are cut to the column size) and never changes afterwards: it has no
 * behaviour but reading, and every column is mapped as not updatable.
 */
@Entity
@Table(name = "audit_event")
public class AuditRecord {

  @Id
  @Column(name = "id", length = 36, updatable = false)
  private String id;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "channel", nullable = false, length = 16, updatable = false)
  private String channel;

  @Column(name = "agent", nullable = false, length = 200, updatable = false)
  private String agent;

  @Column(name = "action", nullable = false, length = 32, updatable = false)
  private String action;

  @Column(name = "entity", nullable = false, length = 1000, updatable = false)
  private String entity;

  @Column(name = "patient_id", length = 64, updatable = false)
  private String patientId;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16, updatable = false)
  private AccessOutcome outcome;

  @Column(name = "status", nullable = false, updatable = false)
  private int status;

  @Column(name = "detail", length = 1000, updatable = false)
  private String detail;

  protected AuditRecord() {
    // for JPA
  }

  /** A new record of an access that just ended. */
  public static AuditRecord of(
      String channel,
      String agent,
      String action,
      String entity,
      String patientId,
      AccessOutcome outcome,
      int status,
      String detail,
      Clock clock) {
    AuditRecord record = new AuditRecord();
    record.id = TimeOrderedIds.next();
    record.recordedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    record.channel = required("channel", channel, 16);
    record.agent = required("agent", agent == null ? "anonymous" : agent, 200);
    record.action = required("action", action, 32);
    record.entity = required("entity", entity, 1000);
    record.patientId = cut(patientId, 64);
    if (outcome == null) {
      throw new InvalidValueException("outcome", null, "ALLOWED, DENIED or FAILED");
    }
    record.outcome = outcome;
    record.status = status;
    record.detail = cut(detail, 1000);
    return record;
  }

  /**
   * A record as it was written earlier (read back from the audit journal), checked by the same
   * rules as a new one.
   */
  public static AuditRecord restore(
      String id,
      OffsetDateTime recordedAt,
      String channel,
      String agent,
      String action,
      String entity,
      String patientId,
      AccessOutcome outcome,
      int status,
      String detail) {
    if (recordedAt == null) {
      throw new InvalidValueException("recordedAt", null, "a time");
    }
    // The record keeps the time it was first written, not the time it is read back.
    Clock whenWritten = Clock.fixed(recordedAt.toInstant(), ZoneOffset.UTC);
    AuditRecord record =
        of(channel, agent, action, entity, patientId, outcome, status, detail, whenWritten);
    record.id = required("id", id, 36);
    return record;
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, value, "a non-empty text");
    }
    return cut(value, max);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public String id() {
    return id;
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  public String channel() {
    return channel;
  }

  public String agent() {
    return agent;
  }

  public String action() {
    return action;
  }

  public String entity() {
    return entity;
  }

  public String patientId() {
    return patientId;
  }

  public AccessOutcome outcome() {
    return outcome;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return detail;
  }
}
