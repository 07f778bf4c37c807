package app.lumbra.audit.domain;

/** How an access ended: allowed and served, refused (401/403), or failed for another reason. */
public enum AccessOutcome {
  ALLOWED,
  DENIED,
  FAILED
}
