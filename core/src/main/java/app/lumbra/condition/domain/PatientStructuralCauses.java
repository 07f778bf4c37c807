package app.lumbra.condition.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * PLAN-11: the structural causes of a patient's back pain are those recorded on their active
 * low-back-pain conditions together with their current {@link StructuralFinding}s, the causes an
 * EHR lists as problems of their own (FHIR-6). The one place of that rule, for every service that
 * needs it.
 */
public final class PatientStructuralCauses {

  private PatientStructuralCauses() {}

  /** The causes from the patient's {@code conditions} and {@code findings}. */
  public static Set<StructuralCause> of(
      Collection<Condition> conditions, Collection<StructuralFinding> findings) {
    Set<StructuralCause> causes = EnumSet.noneOf(StructuralCause.class);
    for (Condition condition : conditions) {
      if (condition.status() == ConditionStatus.ACTIVE) {
        causes.addAll(condition.structuralCauses());
      }
    }
    for (StructuralFinding finding : findings) {
      if (finding.isCurrent()) {
        causes.add(finding.cause());
      }
    }
    return causes;
  }
}
