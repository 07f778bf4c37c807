package app.lumbra.cohort.application;

import app.lumbra.cohort.domain.Cohort;
import app.lumbra.cohort.domain.CohortRepository;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.domain.VisiblePatients;
import app.lumbra.shared.IdInUseException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Cohorts, one use case a method, each in its own transaction. A cohort's members are patients
 * Lumbra knows: a refusal names {@code members[i]} and rule FHIR-4 (answered 422 over FHIR), and
 * nothing is stored. A cohort's id is never a care team's that has patients, since both are the
 * group a {@code Group/[id]/$export} names.
 */
@ApplicationScoped
@Transactional
public class CohortService {

  static final String RULE = "FHIR-4";

  private CohortRepository cohorts;
  private PatientService patients;
  private Clock clock;

  /** For the CDI proxy only. */
  protected CohortService() {}

  @Inject
  public CohortService(CohortRepository cohorts, PatientService patients, Clock clock) {
    this.cohorts = cohorts;
    this.patients = patients;
    this.clock = clock;
  }

  /**
   * A new cohort under {@code id}, or under a new UUID when {@code id} is null.
   *
   * @throws IdInUseException when a cohort or a care team with patients has the id
   */
  public CohortView create(String id, @NotNull SaveCohort command) {
    String newId = RecordIds.requestedOrRandom("id", id);
    if (cohorts.find(newId).isPresent() || isCareTeam(newId)) {
      throw new IdInUseException("Group", newId);
    }
    Cohort cohort = Cohort.create(newId, command.name(), command.members(), clock);
    requireKnownPatients(cohort.members());
    cohorts.add(cohort);
    return CohortView.of(cohort);
  }

  /**
   * Replaces cohort {@code id} whole, or creates it under that id when there is none (FHIR-8).
   *
   * @param expectedVersion the version the client read (If-Match), or null
   * @throws VersionConflictException when the cohort has moved past {@code expectedVersion}
   */
  public CohortView save(@NotNull String id, @NotNull SaveCohort command, Long expectedVersion) {
    Optional<Cohort> found = cohorts.find(id);
    if (found.isEmpty()) {
      return create(id, command);
    }
    Cohort cohort = found.get();
    if (expectedVersion != null && expectedVersion != cohort.version()) {
      throw new VersionConflictException("Group", id, expectedVersion, cohort.version());
    }
    cohort.replace(command.name(), command.members(), clock);
    requireKnownPatients(cohort.members());
    cohorts.replaced(cohort);
    return CohortView.of(cohort);
  }

  public CohortView get(@NotNull String id) {
    return find(id).orElseThrow(() -> new NotFoundException("Group", id));
  }

  public Optional<CohortView> find(@NotNull String id) {
    return cohorts.find(id).map(CohortView::of);
  }

  /** A page of cohorts by id; {@code id} (optional) keeps only the one of that id. */
  public CohortPage search(String id, int offset, int limit) {
    return new CohortPage(
        cohorts.search(id, offset, limit).stream().map(CohortView::of).toList(), cohorts.count(id));
  }

  /** The member patients' ids of cohort {@code id}, in order; empty when there is no such one. */
  public List<String> members(@NotNull String id) {
    return cohorts.find(id).map(Cohort::members).orElse(List.of());
  }

  private void requireKnownPatients(List<String> members) {
    for (int i = 0; i < members.size(); i++) {
      String member = members.get(i);
      if (!patients.exists(member)) {
        throw new RuleViolationException(
            RULE, "members[" + i + "]", "Patient/" + member + " does not exist in Lumbra");
      }
    }
  }

  private boolean isCareTeam(String id) {
    return patients.search("", VisiblePatients.ofTeam(id), 0, 1).total() > 0;
  }
}
