package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a clinician can edit in a plan: the factors it is based on (PLAN-13), its phases
 * (PLAN-2) and concrete sessions, the exercise programme (PLAN-1), home-care tasks (PLAN-9), goals,
 * the co-management flag (PLAN-11) and the expectations text (PLAN-12).
 *
 * <p>Hard rules are enforced here: at least one phase; phases in the order INITIAL, TAPER (any
 * number of steps), MAINTENANCE, each starting after the previous one ended; sessions belong to an
 * existing phase. Soft rules are {@link PlanChecker} warnings.
 */
public record CarePlanContent(
    String title,
    PatientFactors factors,
    List<Phase> phases,
    List<PlannedSession> sessions,
    String exerciseProgramme,
    List<HomeCareTask> homeCareTasks,
    List<Goal> goals,
    boolean coManagementFlagged,
    String expectations) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_TEXT = 2000;

  public CarePlanContent {
    title = text("title", title, MAX_TITLE);
    InvalidValueException.required("factors", factors, "the patient factors of the plan");
    phases = List.copyOf(InvalidValueException.required("phases", phases, "at least one phase"));
    checkPhaseOrder(phases);
    sessions =
        (sessions == null ? List.<PlannedSession>of() : sessions)
            .stream().sorted(Comparator.comparing(PlannedSession::startsAt)).toList();
    for (PlannedSession session : sessions) {
      if (session.phaseIndex() >= phases.size()) {
        throw new InvalidValueException(
            "sessions.phaseIndex", session.phaseIndex(), "0 to " + (phases.size() - 1));
      }
    }
    exerciseProgramme = text("exerciseProgramme", exerciseProgramme, MAX_TEXT);
    homeCareTasks = homeCareTasks == null ? List.of() : List.copyOf(homeCareTasks);
    goals = goals == null ? List.of() : List.copyOf(goals);
    expectations = text("expectations", expectations, MAX_TEXT);
  }

  private static String text(String field, String text, int max) {
    if (text != null && text.length() > max) {
      throw new InvalidValueException(
          field, text.substring(0, 20) + "…", "at most " + max + " characters");
    }
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** PLAN-2: phases follow INITIAL → TAPER → MAINTENANCE without overlapping. */
  private static void checkPhaseOrder(List<Phase> phases) {
    if (phases.isEmpty()) {
      throw new RuleViolationException("PLAN-2", "phases", "a plan needs at least one phase");
    }
    for (int i = 1; i < phases.size(); i++) {
      Phase previous = phases.get(i - 1);
      Phase next = phases.get(i);
      boolean repeatsSingle = next.kind() == previous.kind() && next.kind() != PhaseKind.TAPER;
      if (next.kind().compareTo(previous.kind()) < 0 || repeatsSingle) {
        throw new RuleViolationException(
            "PLAN-2",
            "phases[" + i + "].kind",
            "phases run INITIAL, then TAPER steps, then MAINTENANCE; "
                + next.kind()
                + " cannot follow "
                + previous.kind());
      }
      if (previous.endDate().isEmpty() || !next.startDate().isAfter(previous.endDate().get())) {
        throw new RuleViolationException(
            "PLAN-2",
            "phases[" + i + "].startDate",
            "a phase starts after the previous one has ended ("
                + previous.endDate().map(Object::toString).orElse("open-ended")
                + ")");
      }
    }
  }

  public Optional<String> exerciseProgrammeText() {
    return Optional.ofNullable(exerciseProgramme);
  }

  /** The phase of {@code kind} that comes first, if the plan has one. */
  public Optional<Phase> firstPhase(PhaseKind kind) {
    return phases.stream().filter(phase -> phase.kind() == kind).findFirst();
  }

  /** The same plan with other sessions. */
  public CarePlanContent withSessions(List<PlannedSession> newSessions) {
    return new CarePlanContent(
        title,
        factors,
        phases,
        newSessions,
        exerciseProgramme,
        homeCareTasks,
        goals,
        coManagementFlagged,
        expectations);
  }
}
