package app.lumbra.safety.application;

import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.safety.domain.RedFlagScreen;
import java.time.OffsetDateTime;
import java.util.Set;

/** SAFE-1: a recorded screen; {@code referral} is null when it is clear. */
public record RedFlagScreenView(
    String id,
    String patientId,
    String carePlanId,
    Set<RedFlagItem> positive,
    boolean isPositive,
    String referral,
    String note,
    OffsetDateTime screenedAt,
    String screenedBy) {

  static RedFlagScreenView of(RedFlagScreen screen) {
    return new RedFlagScreenView(
        screen.id(),
        screen.patientId(),
        screen.carePlanId(),
        screen.positiveItems(),
        screen.isPositive(),
        screen.referral().orElse(null),
        screen.note().orElse(null),
        screen.screenedAt(),
        screen.screenedBy());
  }
}
