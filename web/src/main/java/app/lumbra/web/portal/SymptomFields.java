package app.lumbra.web.portal;

import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.SpasmFrequency;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Stiffness, spasms and leg pain as a form asks for them (OBS-2), at a session and between sessions
 * alike; each filled-in measure is one reading. The inputs are {@code stiffness}, {@code
 * morningStiffness}, {@code spasmFrequency}, {@code legPain} and {@code legPainSide}.
 */
public class SymptomFields implements Serializable {
  private static final long serialVersionUID = 1L;

  private Integer stiffness;
  private boolean morningStiffness;
  private SpasmFrequency spasmFrequency;
  private String legPain;
  private String legPainSide;

  /** The measures filled in, as readings; none filled in gives an empty list. */
  public List<SymptomReading> readings() {
    List<SymptomReading> readings = new ArrayList<>();
    if (stiffness != null) {
      readings.add(StiffnessScore.of(stiffness, morningStiffness));
    }
    if (spasmFrequency != null) {
      readings.add(spasmFrequency);
    }
    if (legPain != null && !legPain.isBlank()) {
      readings.add(LegPain.of(legPain, legPainSide));
    }
    return readings;
  }

  public SpasmFrequency[] getSpasmOptions() {
    return SpasmFrequency.values();
  }

  public LegPain.Side[] getSideOptions() {
    return LegPain.Side.values();
  }

  public Integer getStiffness() {
    return stiffness;
  }

  public void setStiffness(Integer stiffness) {
    this.stiffness = stiffness;
  }

  public boolean isMorningStiffness() {
    return morningStiffness;
  }

  public void setMorningStiffness(boolean morningStiffness) {
    this.morningStiffness = morningStiffness;
  }

  public SpasmFrequency getSpasmFrequency() {
    return spasmFrequency;
  }

  public void setSpasmFrequency(SpasmFrequency spasmFrequency) {
    this.spasmFrequency = spasmFrequency;
  }

  public String getLegPain() {
    return legPain;
  }

  public void setLegPain(String legPain) {
    this.legPain = legPain;
  }

  public String getLegPainSide() {
    return legPainSide;
  }

  public void setLegPainSide(String legPainSide) {
    this.legPainSide = legPainSide;
  }
}
