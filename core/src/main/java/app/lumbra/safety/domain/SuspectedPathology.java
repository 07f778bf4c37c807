package app.lumbra.safety.domain;

/** SAFE-1: the serious spinal pathologies the red-flag screen looks for (Finucane et al. 2020). */
public enum SuspectedPathology {
  CAUDA_EQUINA("suspected cauda equina syndrome"),
  NEUROLOGICAL_DEFICIT("progressive neurological deficit"),
  FRACTURE("suspected spinal fracture"),
  CANCER("suspected cancer"),
  INFECTION("suspected spinal infection");

  private final String display;

  SuspectedPathology(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }
}
