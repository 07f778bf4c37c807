package app.lumbra.patient.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.List;

/**
 * FHIR-6: what is enough to tell a patient apart. EHRs send patients with only a family name, only
 * a given name (some cultures have one name) or only an identifier (an MRN before registration is
 * complete), so any one of them is enough; a record with none of them names nobody and is refused.
 * Birth date and gender are never required.
 */
public final class PatientIdentification {

  /** The fields of which at least one must be given. */
  public static final String FIELDS = "familyName, givenNames, identifiers";

  /** How the rule reads in an error message. */
  public static final String ALLOWED =
      "at least a family name, a given name or an identifier (FHIR-6)";

  private PatientIdentification() {}

  /**
   * Checks that the patient can be told apart.
   *
   * @throws InvalidValueException naming the three fields when none is given
   */
  public static void check(String familyName, String givenNames, List<EhrIdentifier> identifiers) {
    if (familyName == null && givenNames == null && identifiers.isEmpty()) {
      throw new InvalidValueException(FIELDS, null, ALLOWED);
    }
  }
}
