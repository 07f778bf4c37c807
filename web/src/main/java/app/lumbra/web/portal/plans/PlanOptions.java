package app.lumbra.web.portal.plans;

import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.util.EnumSet;

/** The choices the plan editor's selects and boxes offer. */
@Named
@ApplicationScoped
public class PlanOptions {

  public OnsetType[] getOnsetTypes() {
    return OnsetType.values();
  }

  public SeverityCategory[] getSeverities() {
    return SeverityCategory.values();
  }

  public StructuralCause[] getCauses() {
    return StructuralCause.values();
  }

  public IntensityPreference[] getIntensities() {
    return IntensityPreference.values();
  }

  public Lifestyle[] getLifestyleOptions() {
    return Lifestyle.values();
  }

  public DayOfWeek[] getDays() {
    return DayOfWeek.values();
  }

  public Technique[] getTechniqueOptions() {
    return Technique.values();
  }

  public TargetRegion[] getRegionOptions() {
    return EnumSet.allOf(TargetRegion.class).toArray(TargetRegion[]::new);
  }
}
