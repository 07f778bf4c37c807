package app.lumbra.export.domain;

/** Where an export job is in its lifecycle. */
public enum ExportStatus {
  ACCEPTED,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether the job may still write files: accepted or running. */
  public boolean isOpen() {
    return this == ACCEPTED || this == RUNNING;
  }
}
