package app.lumbra.exchange.application;

import app.lumbra.archive.application.KeptDocumentService;
import app.lumbra.context.application.ContextService;
import app.lumbra.context.application.ContextView;
import app.lumbra.context.application.KeepContext;
import app.lumbra.patient.application.PatientService;
import app.lumbra.shared.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The two ways an exchange write keeps what a partner sent, inside the write's transaction: a whole
 * record as the patient's clinical context, and the document beside a version of Lumbra's own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PartnerRecords {

  /** The field a refusal names when the context record's patient is not one Lumbra knows. */
  public static final String PATIENT = "patientId";

  private ContextService context;
  private PatientService patients;
  private KeptDocumentService documents;

  /** For the CDI proxy only. */
  protected PartnerRecords() {}

  @Inject
  public PartnerRecords(
      ContextService context, PatientService patients, KeptDocumentService documents) {
    this.context = context;
    this.patients = patients;
    this.documents = documents;
  }

  /**
   * Keeps the next version of a context record (FHIR-1), of a patient Lumbra knows (FHIR-4: a
   * refusal names {@link #PATIENT}); {@code expectedVersion} is If-Match's.
   */
  public ContextView keep(KeepContext command, Long expectedVersion) {
    if (!patients.exists(command.patientId())) {
      throw new RuleViolationException(
          "FHIR-4", PATIENT, "Patient/" + command.patientId() + " does not exist in Lumbra");
    }
    return context.keep(command, expectedVersion);
  }

  /** Whether a context record of this type has the id (it stays context whatever is sent). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isContext(String recordType, String recordId) {
    return context.current(recordType, recordId).isPresent();
  }

  /** The current version of a context record, if one of this type has the id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContextView> context(String recordType, String recordId) {
    return context.current(recordType, recordId);
  }

  /** The record is Lumbra's domain's from now on (a Goal a plan adopted). */
  public void release(String recordType, String recordId) {
    context.release(recordType, recordId);
  }

  /**
   * Keeps the partner's document beside version {@code version} of Lumbra's record when there is
   * one; returns whether there was.
   */
  public boolean keepBeside(
      String recordType, String recordId, long version, Optional<String> document) {
    document.ifPresent(kept -> documents.keep(recordType, recordId, version, kept));
    return document.isPresent();
  }
}
