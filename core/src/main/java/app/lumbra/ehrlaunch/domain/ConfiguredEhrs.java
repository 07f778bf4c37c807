package app.lumbra.ehrlaunch.domain;

import java.util.List;

/** The EHRs named in configuration, in the order they are named. */
public record ConfiguredEhrs(List<ConfiguredEhr> ehrs) {

  public ConfiguredEhrs {
    ehrs = List.copyOf(ehrs);
  }
}
