package app.lumbra.context.application;

import app.lumbra.context.domain.ContextRecord;

/** A kept context record as boundaries read it back: its id, version and whole document. */
public record ContextView(
    String recordType, String recordId, long version, String patientId, String document) {

  static ContextView of(ContextRecord record) {
    return new ContextView(
        record.recordType(),
        record.recordId(),
        record.versionNumber(),
        record.patientId(),
        record.document());
  }
}
