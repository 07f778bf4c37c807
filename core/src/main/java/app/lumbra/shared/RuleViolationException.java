package app.lumbra.shared;

import java.util.Objects;

/**
 * A request that is well formed but breaks a product rule of {@code shared/PRODUCT.md}; names the
 * rule id (for example {@code PLAN-3}) and the field it concerns.
 */
public class RuleViolationException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String ruleId;
  private final String field;
  private final String detail;

  public RuleViolationException(String ruleId, String field, String message) {
    super(ruleId + " (" + field + "): " + message);
    this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
    this.field = Objects.requireNonNull(field, "field");
    this.detail = message;
  }

  /**
   * The same refusal named by the field as a caller knows it (a FHIR path, a form label) rather
   * than as the use case does.
   */
  public RuleViolationException at(String callerField) {
    RuleViolationException renamed = new RuleViolationException(ruleId, callerField, detail);
    renamed.setStackTrace(getStackTrace());
    return renamed;
  }

  public String ruleId() {
    return ruleId;
  }

  public String field() {
    return field;
  }
}
