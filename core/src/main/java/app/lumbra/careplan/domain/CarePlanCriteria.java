package app.lumbra.careplan.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which plans a search finds: of a patient, in one of {@code statuses} (empty: any), with a phase
 * that overlaps the half-open date range {@code [coversFrom, coversBefore)}; null criteria do not
 * restrict. Ordered newest first unless {@code oldestFirst}.
 */
public record CarePlanCriteria(
    String patientId,
    Set<PlanStatus> statuses,
    LocalDate coversFrom,
    LocalDate coversBefore,
    boolean oldestFirst) {

  public CarePlanCriteria {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
