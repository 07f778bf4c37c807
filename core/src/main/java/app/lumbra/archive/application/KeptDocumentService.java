package app.lumbra.archive.application;

import app.lumbra.archive.domain.KeptDocument;
import app.lumbra.archive.domain.KeptDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what an exchange partner sent beyond the domain (FHIR-1) and finds it again: the document
 * in force at a version of a record is the newest one kept at or before that version, since a
 * change the domain makes on its own (a portal edit) leaves what the partner sent in place.
 */
@ApplicationScoped
@Transactional
public class KeptDocumentService {

  private KeptDocuments documents;

  /** For the CDI proxy only. */
  protected KeptDocumentService() {}

  @Inject
  public KeptDocumentService(KeptDocuments documents) {
    this.documents = documents;
  }

  /**
   * Keeps the document sent with this version, or replaces it when the same version is written
   * again (the domain saw no change); it joins the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void keep(
      @NotNull String recordType,
      @NotNull String recordId,
      long version,
      @NotNull String document) {
    documents.ofRecord(recordType, recordId).stream()
        .filter(kept -> kept.versionNumber() == version)
        .findFirst()
        .ifPresentOrElse(
            kept -> kept.replace(document),
            () -> documents.add(KeptDocument.of(recordType, recordId, version, document)));
  }

  /** The document in force at {@code version} of the record, if a partner sent one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> inForce(
      @NotNull String recordType, @NotNull String recordId, long version) {
    return documents.ofRecord(recordType, recordId).stream()
        .filter(kept -> kept.versionNumber() <= version)
        .findFirst()
        .map(KeptDocument::document);
  }

  /**
   * The documents in force at the given versions of several records (record id → version), keyed by
   * record id; records without one are absent. One query, for a page of search results.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, String> inForce(@NotNull String recordType, Map<String, Long> versions) {
    Map<String, KeptDocument> newest = new HashMap<>();
    for (KeptDocument kept : documents.ofRecords(recordType, versions.keySet())) {
      Long version = versions.get(kept.recordId());
      KeptDocument best = newest.get(kept.recordId());
      if (version != null
          && kept.versionNumber() <= version
          && (best == null || best.versionNumber() < kept.versionNumber())) {
        newest.put(kept.recordId(), kept);
      }
    }
    Map<String, String> inForce = new HashMap<>();
    newest.forEach((id, kept) -> inForce.put(id, kept.document()));
    return inForce;
  }

  /** Every kept document of the record, version → document. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, String> allOf(@NotNull String recordType, @NotNull String recordId) {
    Map<Long, String> all = new HashMap<>();
    documents.ofRecord(recordType, recordId).forEach(d -> all.put(d.versionNumber(), d.document()));
    return all;
  }
}
