package app.lumbra.session.application;

import app.lumbra.session.domain.CancelledBy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The session will not take place; {@code expectedVersion} null skips the version check.
 *
 * @param cancelledBy who called it off (ADH-1); null means the clinic
 */
public record CancelSession(
    @NotBlank String sessionId,
    Long expectedVersion,
    @NotBlank @Size(max = 500) String reason,
    CancelledBy cancelledBy) {

  /** Cancelled by the clinic. */
  public CancelSession(String sessionId, Long expectedVersion, String reason) {
    this(sessionId, expectedVersion, reason, null);
  }
}
