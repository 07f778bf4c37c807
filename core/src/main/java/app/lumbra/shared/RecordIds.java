package app.lumbra.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * FHIR-8: the ids of patients, conditions, care plans, goals, sessions and readings. An EHR may
 * choose the id itself (update-as-create, {@code PUT Patient/mrn-123}), so any valid FHIR id is
 * accepted: 1 to {@value #MAX_LENGTH} letters, digits, '-' or '.'. When the sender chooses none,
 * Lumbra makes a UUID (random, or time-ordered for rows that are only appended). Ids are kept
 * exactly as given: FHIR ids are case-sensitive, so nothing is normalised.
 */
public final class RecordIds {

  /** The longest FHIR id, and the width of every id column. */
  public static final int MAX_LENGTH = 64;

  /** How the allowed ids read in an error message. */
  public static final String ALLOWED =
      "1 to "
          + MAX_LENGTH
          + " letters, digits, '-' or '.' (a FHIR id, FHIR-8), such as mrn-123 or a UUID";

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1," + MAX_LENGTH + "}");

  private RecordIds() {}

  /**
   * Returns {@code value} when it is a valid id.
   *
   * @throws InvalidValueException naming {@code field} when it is missing or not a FHIR id
   */
  public static String check(String field, String value) {
    InvalidValueException.required(field, value, ALLOWED);
    if (!FHIR_ID.matcher(value).matches()) {
      throw new InvalidValueException(field, value, ALLOWED);
    }
    return value;
  }

  /** Whether {@code value} is a valid id; for boundaries that must tell before they ask. */
  public static boolean isValid(String value) {
    return value != null && FHIR_ID.matcher(value).matches();
  }

  /** The {@code requested} id when given (checked), a new random UUID otherwise. */
  public static String requestedOrRandom(String field, String requested) {
    return requested == null ? UUID.randomUUID().toString() : check(field, requested);
  }

  /**
   * The {@code requested} id when given (checked), a new time-ordered UUID ({@link TimeOrderedIds})
   * otherwise.
   */
  public static String requestedOrTimeOrdered(String field, String requested) {
    return requested == null ? TimeOrderedIds.next() : check(field, requested);
  }
}
