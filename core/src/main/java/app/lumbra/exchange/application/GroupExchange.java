package app.lumbra.exchange.application;

import app.lumbra.cohort.application.CohortService;
import app.lumbra.cohort.application.CohortView;
import app.lumbra.cohort.application.SaveCohort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A Group of patients a partner writes, in one transaction: the list is saved (a new id is a create
 * under it, FHIR-8; If-Match holds) and what the partner said beyond the list (an identifier, a
 * characteristic, a member's period) is kept beside the version it made (FHIR-1).
 */
@ApplicationScoped
@Transactional
public class GroupExchange {

  static final String TYPE = "Group";

  private CohortService cohorts;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected GroupExchange() {}

  @Inject
  public GroupExchange(CohortService cohorts, PartnerRecords partner) {
    this.cohorts = cohorts;
    this.partner = partner;
  }

  /** Create ({@code id} null: a new id) or update of {@code id}. */
  public Written<CohortView> write(
      String id,
      Long expectedVersion,
      @NotNull @Valid SaveCohort list,
      @NotNull PartnerDocument<CohortView> document) {
    boolean created = id == null || cohorts.find(id).isEmpty();
    CohortView written =
        created ? cohorts.create(id, list) : cohorts.save(id, list, expectedVersion);
    partner.keepBeside(TYPE, written.id(), written.version(), document.beside(written));
    return Written.record(written, created);
  }
}
