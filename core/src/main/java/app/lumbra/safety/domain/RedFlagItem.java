package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;

/**
 * SAFE-1: the items of the red-flag screen, each grouped by the pathology it suggests. The list is
 * default configuration from Finucane et al. (JOSPT 2020) and NICE NG59; wording is Lumbra's.
 */
public enum RedFlagItem {
  SADDLE_NUMBNESS(SuspectedPathology.CAUDA_EQUINA, "Saddle numbness"),
  BLADDER_OR_BOWEL_CHANGE(SuspectedPathology.CAUDA_EQUINA, "New bladder or bowel change"),
  BILATERAL_LEG_SYMPTOMS(SuspectedPathology.CAUDA_EQUINA, "Leg symptoms in both legs"),
  PROGRESSIVE_NEUROLOGICAL_DEFICIT(
      SuspectedPathology.NEUROLOGICAL_DEFICIT, "Progressive weakness, numbness or reflex loss"),
  MAJOR_TRAUMA(SuspectedPathology.FRACTURE, "Major trauma"),
  MINOR_TRAUMA_WITH_RISK(
      SuspectedPathology.FRACTURE,
      "Minor trauma with osteoporosis or long-term corticosteroid use"),
  HISTORY_OF_CANCER(SuspectedPathology.CANCER, "History of cancer"),
  UNEXPLAINED_WEIGHT_LOSS(SuspectedPathology.CANCER, "Unexplained weight loss"),
  CONSTANT_NIGHT_PAIN(SuspectedPathology.CANCER, "Constant pain at night, not eased by rest"),
  FEVER(SuspectedPathology.INFECTION, "Fever"),
  IMMUNOSUPPRESSION(SuspectedPathology.INFECTION, "Immunosuppression"),
  INTRAVENOUS_DRUG_USE(SuspectedPathology.INFECTION, "Intravenous drug use");

  public static final String FIELD = "redFlagItem";

  private final SuspectedPathology pathology;
  private final String display;

  RedFlagItem(SuspectedPathology pathology, String display) {
    this.pathology = pathology;
    this.display = display;
  }

  public SuspectedPathology pathology() {
    return pathology;
  }

  public String display() {
    return display;
  }

  /** The item with this code; an unknown code names the field and the allowed codes. */
  public static RedFlagItem fromCode(String code) {
    return Arrays.stream(values())
        .filter(item -> item.name().equals(code))
        .findFirst()
        .orElseThrow(
            () -> new InvalidValueException(FIELD, code, "one of " + Arrays.toString(values())));
  }
}
