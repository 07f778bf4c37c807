package app.lumbra.condition.domain;

import app.lumbra.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How the current episode of low-back pain began; drives the initial phase (PLAN-3).
 *
 * <p>The clinician says it; an EHR usually sends only when the pain began ({@code
 * Condition.onset[x]}), from which {@link #sinceOnset} derives it (FHIR-6). When neither is known
 * the type is {@link #UNKNOWN} (an explicit value rather than null, so that every rule has to
 * decide what it does without it), and the plan rules say "onset not known" where they would use
 * it.
 */
public enum OnsetType {
  /** New onset or a recent injury: under 6 weeks. */
  ACUTE,
  /** Pain for 6 to 12 weeks. */
  SUBACUTE,
  /** Long-standing pain: more than 12 weeks. */
  CHRONIC,
  /** A sudden worsening of known back pain. */
  FLARE_UP,
  /** Neither the type nor the date of onset was recorded. */
  UNKNOWN;

  /** Acute pain lasts less than this many weeks (FHIR-6 derivation, PRODUCT.md PLAN-3). */
  public static final int ACUTE_BEFORE_WEEKS = 6;

  /** Chronic pain has lasted more than this many weeks. */
  public static final int CHRONIC_AFTER_WEEKS = 12;

  /** How the allowed values read in an error message. */
  public static final String ALLOWED = "ACUTE, SUBACUTE, CHRONIC, FLARE_UP or UNKNOWN";

  /**
   * FHIR-6: the onset type of pain that began on {@code onset}, as of {@code asOf} (the day the
   * condition was recorded): under 6 weeks acute, 6 to 12 weeks subacute, over 12 weeks chronic.
   * Weeks are counted in whole days (6 weeks = 42 days; 12 weeks and a day = chronic). A flare-up
   * cannot be told from a date, so it is never derived. {@link #UNKNOWN} when {@code onset} is
   * null.
   *
   * @throws InvalidValueException when {@code onset} lies after {@code asOf}
   */
  public static OnsetType sinceOnset(LocalDate onset, LocalDate asOf) {
    InvalidValueException.required("asOf", asOf, "the day the condition was recorded");
    if (onset == null) {
      return UNKNOWN;
    }
    if (onset.isAfter(asOf)) {
      throw new InvalidValueException("onsetDate", onset, "a date not after " + asOf);
    }
    long days = ChronoUnit.DAYS.between(onset, asOf);
    if (days < ACUTE_BEFORE_WEEKS * 7L) {
      return ACUTE;
    }
    if (days <= CHRONIC_AFTER_WEEKS * 7L) {
      return SUBACUTE;
    }
    return CHRONIC;
  }

  /** PLAN-3: whether this is new pain or a flare-up, which may start at 2–3 sessions a week. */
  public boolean isRecentOrFlareUp() {
    return this == ACUTE || this == FLARE_UP;
  }

  /** Whether the onset was recorded or derived. */
  public boolean isKnown() {
    return this != UNKNOWN;
  }
}
