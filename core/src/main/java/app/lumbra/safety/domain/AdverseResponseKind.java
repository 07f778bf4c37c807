package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;

/** SAFE-3: adverse responses after a session; new numbness or tingling is a red flag (SAFE-1). */
public enum AdverseResponseKind {
  SORENESS_BEYOND_48H("Soreness lasting more than 48 hours", false),
  BRUISING("Bruising", false),
  PAIN_UP_FOR_MORE_THAN_A_DAY("Pain up by 2 or more points for more than a day", false),
  NEW_NUMBNESS_OR_TINGLING("New numbness or tingling", true);

  public static final String FIELD = "adverseResponse";

  private final String display;
  private final boolean redFlag;

  AdverseResponseKind(String display, boolean redFlag) {
    this.display = display;
    this.redFlag = redFlag;
  }

  public String display() {
    return display;
  }

  public boolean redFlag() {
    return redFlag;
  }

  public static AdverseResponseKind fromCode(String code) {
    return Arrays.stream(values())
        .filter(kind -> kind.name().equals(code))
        .findFirst()
        .orElseThrow(
            () -> new InvalidValueException(FIELD, code, "one of " + Arrays.toString(values())));
  }
}
