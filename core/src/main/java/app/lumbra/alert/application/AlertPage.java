package app.lumbra.alert.application;

import java.util.List;

/** A page of alerts with the total count. */
public record AlertPage(List<AlertView> alerts, int offset, int limit, long total) {

  public AlertPage {
    alerts = List.copyOf(alerts);
  }
}
