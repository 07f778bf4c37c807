package app.lumbra.exchange.application;

import app.lumbra.careteam.application.CareTeams;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * A Patient a partner writes, in one transaction: create, conditional create on an identifier (the
 * existing patient wins, FHIR-2), update, update-as-create with the client's id (FHIR-8) and
 * conditional update on an identifier. A patient it creates joins the care team the write names, so
 * the clinicians who will treat it see it.
 */
@ApplicationScoped
@Transactional
public class PatientExchange {

  static final String TYPE = "Patient";

  private PatientService patients;
  private CareTeams careTeams;
  private PartnerRecords partner;

  /** For the CDI proxy only. */
  protected PatientExchange() {}

  @Inject
  public PatientExchange(PatientService patients, CareTeams careTeams, PartnerRecords partner) {
    this.patients = patients;
    this.careTeams = careTeams;
    this.partner = partner;
  }

  /** Create; with {@code matchBy} (If-None-Exist) a patient that has the identifier wins. */
  public Written<PatientView> create(@NotNull @Valid PatientWrite write) {
    if (write.matchBy() != null) {
      Optional<PatientView> existing = matching(write.matchBy());
      if (existing.isPresent()) {
        return Written.record(existing.get(), false);
      }
    }
    return registered(write, null);
  }

  /**
   * Update of {@code write.id()}, created with that id when no patient has it. With {@code matchBy}
   * the patient is the one with the identifier: none is a create (under {@code write.id()}, the id
   * the resource carries), one is updated.
   */
  public Written<PatientView> update(@NotNull @Valid PatientWrite write) {
    String target = write.id();
    if (write.matchBy() != null) {
      Optional<PatientView> match = matching(write.matchBy());
      if (match.isEmpty()) {
        return registered(write, write.id());
      }
      target = match.get().id();
    }
    if (target == null || !patients.exists(target)) {
      return registered(write, target);
    }
    long version =
        write.expectedVersion() != null ? write.expectedVersion() : patients.get(target).version();
    return kept(write, patients.update(write.patient().toUpdate(target, version)), false);
  }

  private Written<PatientView> registered(PatientWrite write, String id) {
    PatientView created = patients.register(write.patient().toRegister(id));
    careTeams.assignIfUnassigned(created.id(), write.careTeam().get());
    return kept(write, created, true);
  }

  private Written<PatientView> kept(PatientWrite write, PatientView written, boolean created) {
    partner.keepBeside(TYPE, written.id(), written.version(), write.document().beside(written));
    return Written.record(written, created);
  }

  private Optional<PatientView> matching(PatientWrite.Identifier identifier) {
    return patients.findByIdentifier(identifier.system(), identifier.value());
  }
}
