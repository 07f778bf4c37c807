package app.lumbra.web.portal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The time zone the portal shows and reads times in: {@code lumbra.portal.time-zone} (environment
 * {@code LUMBRA_PORTAL_TIME_ZONE}), by default the server's zone. Stored times keep their offsets.
 */
public final class PortalTime {

  private PortalTime() {}

  public static ZoneId zone() {
    return ConfigProvider.getConfig()
        .getOptionalValue("lumbra.portal.time-zone", String.class)
        .filter(s -> !s.isBlank())
        .map(ZoneId::of)
        .orElseGet(ZoneId::systemDefault);
  }

  /** A time typed into a form, in the portal's zone. */
  public static OffsetDateTime at(LocalDateTime local) {
    return local == null ? null : local.atZone(zone()).toOffsetDateTime();
  }

  /** A stored time as the form shows it. */
  public static LocalDateTime local(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone()).toLocalDateTime();
  }

  /** Now, to the minute, for form defaults. */
  public static LocalDateTime nowLocal(Clock clock) {
    return LocalDateTime.now(clock.withZone(zone())).withSecond(0).withNano(0);
  }
}
