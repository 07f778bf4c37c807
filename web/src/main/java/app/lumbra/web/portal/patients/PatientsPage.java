package app.lumbra.web.portal.patients;

import app.lumbra.careteam.application.CareTeams;
import app.lumbra.patient.application.PatientPage;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.web.portal.PortalSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The patient list: search by name (prefix of family or given name) or by an EHR identifier, typed
 * as {@code system|value} or as a bare value of the clinic's usual identifier system ({@code
 * lumbra.portal.identifier-system}); a page of {@value #PAGE_SIZE} at a time.
 */
@Named
@RequestScoped
public class PatientsPage {
  static final int PAGE_SIZE = 20;

  @Inject PatientService patients;

  @Inject PortalSettings settings;

  @Inject CareTeams careTeams;

  private String q;
  private int page;
  private List<PatientView> results = List.of();
  private long total;
  private boolean hasNext;

  /** Runs the search the page's query parameters ask for. */
  public void load() {
    page = Math.max(page, 0);
    String term = q == null ? "" : q.strip();
    String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    List<PatientView> found = new ArrayList<>();
    if (term.contains("|")) {
      String system = term.substring(0, term.indexOf('|')).strip();
      String value = term.substring(term.indexOf('|') + 1).strip();
      byIdentifier(system, value).filter(p -> careTeams.maySee(user, p.id())).ifPresent(found::add);
      results = found;
      total = found.size();
      hasNext = false;
      return;
    }
    if (page == 0 && !term.isEmpty()) {
      byIdentifier(settings.identifierSystem(), term)
          .filter(p -> careTeams.maySee(user, p.id()))
          .ifPresent(found::add);
    }
    // The name search filters by care team in the query, so the total and the pages count
    // only the patients this user may see (administrators all).
    PatientPage byName =
        patients.search(term, careTeams.visibleTo(user), page * PAGE_SIZE, PAGE_SIZE);
    byName.patients().stream()
        .filter(p -> found.stream().noneMatch(f -> f.id().equals(p.id())))
        .forEach(found::add);
    long extra = found.size() - byName.patients().size();
    results = found;
    total = byName.total() + extra;
    hasNext = byName.hasNext();
  }

  private Optional<PatientView> byIdentifier(String system, String value) {
    if (system.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    return patients.findByIdentifier(system, value);
  }

  public String identifiers(PatientView patient) {
    return String.join(
        ", ",
        patient.identifiers().stream().map(i -> i.value() + " (" + i.system() + ")").toList());
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }

  public List<PatientView> getResults() {
    return results;
  }

  public long getTotal() {
    return total;
  }

  public boolean isHasNext() {
    return hasNext;
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public int getFirstShown() {
    return results.isEmpty() ? 0 : page * PAGE_SIZE + 1;
  }

  public long getLastShown() {
    return Math.min(total, (long) page * PAGE_SIZE + results.size());
  }
}
