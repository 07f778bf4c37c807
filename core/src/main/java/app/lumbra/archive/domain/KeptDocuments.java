package app.lumbra.archive.domain;

import java.util.Collection;
import java.util.List;

/** Port to the kept documents; the JPA implementation lives in {@code archive.persistence}. */
public interface KeptDocuments {

  void add(KeptDocument document);

  /** The kept documents of one record, newest version first. */
  List<KeptDocument> ofRecord(String recordType, String recordId);

  /** The kept documents of these records, in no particular order. */
  List<KeptDocument> ofRecords(String recordType, Collection<String> recordIds);
}
