package app.lumbra.patient.domain;

import java.time.LocalDate;

/**
 * Which patients a search finds: all given criteria must hold. {@code name} is a case-insensitive
 * prefix of the family name or a given name, {@code family} of the family name only, {@code given}
 * of a given name only; birth dates are the half-open range {@code [bornFrom, bornBefore)}; null
 * criteria do not restrict. Only the {@code visible} patients are found and counted (care teams;
 * everybody when null).
 */
public record PatientCriteria(
    String id,
    EhrIdentifier identifier,
    String name,
    String family,
    String given,
    LocalDate bornFrom,
    LocalDate bornBefore,
    Gender gender,
    PatientOrder order,
    VisiblePatients visible) {

  public PatientCriteria(
      EhrIdentifier identifier,
      String name,
      LocalDate bornFrom,
      LocalDate bornBefore,
      PatientOrder order,
      VisiblePatients visible) {
    this(null, identifier, name, null, null, bornFrom, bornBefore, null, order, visible);
  }

  public PatientCriteria(
      EhrIdentifier identifier,
      String name,
      LocalDate bornFrom,
      LocalDate bornBefore,
      PatientOrder order) {
    this(identifier, name, bornFrom, bornBefore, order, VisiblePatients.all());
  }

  /** How a page of patients is ordered; ties are broken by id so pages never overlap. */
  public enum PatientOrder {
    NAME,
    NAME_DESCENDING,
    BIRTH_DATE,
    BIRTH_DATE_DESCENDING,
    LAST_UPDATED,
    LAST_UPDATED_DESCENDING
  }

  public PatientCriteria {
    order = order == null ? PatientOrder.NAME : order;
    visible = visible == null ? VisiblePatients.all() : visible;
  }
}
