package app.lumbra.condition.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a clinician or EHR states about the back pain: onset type and date, severity, structural
 * causes (PLAN-11) and a free-text note of at most {@value #MAX_NOTE_LENGTH} characters.
 *
 * <p>FHIR-6: an EHR may know neither the onset type nor the onset date. A missing onset type is
 * {@link OnsetType#UNKNOWN}; the onset date may then be null too. An onset type without a date (the
 * clinician knows the pain is chronic, not since when) is allowed.
 */
public record ConditionFacts(
    OnsetType onsetType,
    LocalDate onsetDate,
    Severity severity,
    Set<StructuralCause> structuralCauses,
    String note) {

  public static final int MAX_NOTE_LENGTH = 2000;

  public ConditionFacts {
    onsetType = onsetType == null ? OnsetType.UNKNOWN : onsetType;
    InvalidValueException.required(
        "severity", severity, "a pain score 0-10, a category MILD/MODERATE/SEVERE, or both");
    structuralCauses =
        structuralCauses == null || structuralCauses.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(structuralCauses));
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      throw new InvalidValueException(
          "note", note.substring(0, 20) + "…", "at most " + MAX_NOTE_LENGTH + " characters");
    }
    note = note == null || note.isBlank() ? null : note.strip();
  }

  void checkOnsetDate(Clock clock) {
    LocalDate today = LocalDate.now(clock);
    if (onsetDate != null && onsetDate.isAfter(today)) {
      throw new InvalidValueException("onsetDate", onsetDate, "a date not after " + today);
    }
  }
}
