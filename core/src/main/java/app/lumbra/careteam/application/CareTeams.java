package app.lumbra.careteam.application;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.account.domain.Role;
import app.lumbra.careteam.domain.CareTeamAssignment;
import app.lumbra.careteam.domain.CareTeamAssignmentRepository;
import app.lumbra.careteam.domain.CareTeamRule;
import app.lumbra.patient.domain.VisiblePatients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Assigns patients to care teams and answers whether a user may see a patient. */
@ApplicationScoped
@Transactional
public class CareTeams {

  private CareTeamAssignmentRepository assignments;
  private AccountService accounts;
  private Clock clock;

  /** For the CDI proxy only. */
  protected CareTeams() {}

  @Inject
  public CareTeams(CareTeamAssignmentRepository assignments, AccountService accounts, Clock clock) {
    this.assignments = assignments;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Puts the patient in {@code team} (moves it when it already has one). */
  public void assign(String patientId, String team) {
    assignments
        .find(patientId)
        .ifPresentOrElse(
            existing -> existing.moveTo(team, clock),
            () -> assignments.add(CareTeamAssignment.assign(patientId, team, clock)));
  }

  /** Puts a patient a user just registered in that user's team, if the user has one. */
  public void assignToTeamOf(String patientId, String username) {
    accounts
        .findByUsername(username)
        .map(AccountView::careTeam)
        .filter(team -> !team.isBlank())
        .ifPresent(team -> assign(patientId, team));
  }

  /**
   * Puts a patient that just arrived over FHIR in {@code team} unless it already has one (a
   * conditional create can answer with an existing patient); nothing when there is no team.
   */
  public void assignIfUnassigned(String patientId, Optional<String> team) {
    team.filter(name -> !name.isBlank())
        .filter(name -> assignments.find(patientId).isEmpty())
        .ifPresent(name -> assign(patientId, name));
  }

  /** The care team of an enabled account, if it has one. */
  public Optional<String> teamOfUser(String username) {
    return accounts
        .findByUsername(username)
        .filter(AccountView::enabled)
        .map(AccountView::careTeam)
        .filter(team -> !team.isBlank())
        .map(String::strip);
  }

  public Optional<String> teamOf(String patientId) {
    return assignments.find(patientId).map(CareTeamAssignment::careTeam);
  }

  /**
   * The patients a list may show {@code username}, by the same rule as {@link #maySee}:
   * administrators all, others their team's (or, without a team, the unassigned ones), unknown or
   * disabled users nobody.
   */
  public VisiblePatients visibleTo(String username) {
    Optional<AccountView> account = accounts.findByUsername(username).filter(AccountView::enabled);
    if (account.isEmpty()) {
      return VisiblePatients.none();
    }
    return account.get().roles().contains(Role.ADMIN)
        ? VisiblePatients.all()
        : VisiblePatients.ofTeam(account.get().careTeam());
  }

  /** Whether the account {@code username} may see the patient; unknown users see nobody. */
  public boolean maySee(String username, String patientId) {
    Optional<AccountView> account = accounts.findByUsername(username).filter(AccountView::enabled);
    return account.isPresent()
        && CareTeamRule.maySee(
            account.get().roles().contains(Role.ADMIN),
            account.get().careTeam(),
            teamOf(patientId).orElse(null));
  }
}
