package app.lumbra.condition.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a clinician or EHR states about the back pain: onset type and date, severity, structural
 * causes (PLAN-11) and a free-text note of at most {@value #MAX_NOTE_LENGTH} characters.
 */
public record ConditionFacts(
    OnsetType onsetType,
    LocalDate onsetDate,
    Severity severity,
    Set<StructuralCause> structuralCauses,
    String note) {

  public static final int MAX_NOTE_LENGTH = 2000;

  public ConditionFacts {
    InvalidValueException.required("onsetType", onsetType, "ACUTE, CHRONIC or FLARE_UP");
    InvalidValueException.required("onsetDate", onsetDate, "a date not after today");
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
    if (onsetDate.isAfter(today)) {
      throw new InvalidValueException("onsetDate", onsetDate, "a date not after " + today);
    }
  }
}
