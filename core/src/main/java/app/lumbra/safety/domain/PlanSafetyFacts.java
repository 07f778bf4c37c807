package app.lumbra.safety.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What the safety rules look at for one plan: whether it is still open (not completed or revoked),
 * the techniques and regions it uses (PLAN-7, PLAN-8 code names), and its performed sessions.
 */
public record PlanSafetyFacts(
    String carePlanId,
    String patientId,
    boolean open,
    Set<String> techniques,
    Set<String> regions,
    List<PerformedSessionFacts> performedSessions) {

  public PlanSafetyFacts {
    techniques = Set.copyOf(techniques);
    regions = Set.copyOf(regions);
    performedSessions = List.copyOf(performedSessions);
  }

  /** A session that took place, with what was done in it. */
  public record PerformedSessionFacts(
      String sessionId, OffsetDateTime performedAt, Set<String> techniques, Set<String> regions) {}
}
