package app.lumbra.web.portal.outcomes;

import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.RolandMorrisScore;
import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Today's pain and one function questionnaire's total, as both the clinician's reassessment and the
 * patient's own report ask for them (OUT-1, OUT-2, OUT-5). The inputs are {@code pain}, {@code
 * functionMeasure} and {@code functionScore} in either form.
 */
public class PainAndFunction implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Either questionnaire's score is typed into the one score input, so its refusal shows there. */
  static final Map<String, String> SCORE_INPUT =
      Map.of(OswestryScore.FIELD, "functionScore", RolandMorrisScore.FIELD, "functionScore");

  private Integer pain;
  private String functionMeasure;
  private Integer functionScore;

  PainAndFunction(String functionMeasure) {
    this.functionMeasure = functionMeasure;
  }

  /** The questionnaires; clinicians see their abbreviations, patients plain names. */
  static List<SelectItem> measures(boolean forClinicians) {
    return List.of(
        new SelectItem(
            "ROLAND_MORRIS", forClinicians ? "Roland–Morris (RMDQ, 0–24)" : "Roland–Morris (0–24)"),
        new SelectItem(
            "OSWESTRY", forClinicians ? "Oswestry (ODI, 0–100 %)" : "Oswestry (0–100 %)"));
  }

  public Integer getPain() {
    return pain;
  }

  public void setPain(Integer pain) {
    this.pain = pain;
  }

  public String getFunctionMeasure() {
    return functionMeasure;
  }

  public void setFunctionMeasure(String functionMeasure) {
    this.functionMeasure = functionMeasure;
  }

  public Integer getFunctionScore() {
    return functionScore;
  }

  public void setFunctionScore(Integer functionScore) {
    this.functionScore = functionScore;
  }
}
