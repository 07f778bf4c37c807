package app.lumbra.session.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;

/** OBS-3: SOAP-style session notes; each part is optional free text. */
@Embeddable
public class SoapNotes {
  public static final int MAX_LENGTH = 4000;

  @Column(name = "soap_subjective", length = MAX_LENGTH)
  private String subjective;

  @Column(name = "soap_objective", length = MAX_LENGTH)
  private String objective;

  @Column(name = "soap_assessment", length = MAX_LENGTH)
  private String assessment;

  @Column(name = "soap_plan", length = MAX_LENGTH)
  private String plan;

  protected SoapNotes() {
    // for JPA
  }

  private SoapNotes(String subjective, String objective, String assessment, String plan) {
    this.subjective = text("notes.subjective", subjective);
    this.objective = text("notes.objective", objective);
    this.assessment = text("notes.assessment", assessment);
    this.plan = text("notes.plan", plan);
  }

  public static SoapNotes of(String subjective, String objective, String assessment, String plan) {
    return new SoapNotes(subjective, objective, assessment, plan);
  }

  public static SoapNotes none() {
    return new SoapNotes(null, null, null, null);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          field, value.substring(0, 20) + "…", "text of at most " + MAX_LENGTH + " characters");
    }
    return value;
  }

  public Optional<String> subjective() {
    return Optional.ofNullable(subjective);
  }

  public Optional<String> objective() {
    return Optional.ofNullable(objective);
  }

  public Optional<String> assessment() {
    return Optional.ofNullable(assessment);
  }

  public Optional<String> plan() {
    return Optional.ofNullable(plan);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof SoapNotes that
            && Objects.equals(subjective, that.subjective)
            && Objects.equals(objective, that.objective)
            && Objects.equals(assessment, that.assessment)
            && Objects.equals(plan, that.plan);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subjective, objective, assessment, plan);
  }
}
