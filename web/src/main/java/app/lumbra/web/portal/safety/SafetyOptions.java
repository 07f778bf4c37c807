package app.lumbra.web.portal.safety;

import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.safety.domain.Region;
import app.lumbra.safety.domain.SuspectedPathology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * The choices of the safety forms (SAFE-1..3), wherever they are asked: the safety page, the
 * reassessment and the patient's own report.
 */
@Named
@ApplicationScoped
public class SafetyOptions {

  /** The screen's items, grouped by the pathology they suggest. */
  public List<SelectItem> getScreenItems() {
    return redFlagItems();
  }

  /** SAFE-1's items grouped by suspected pathology, for every form that records a screen. */
  public static List<SelectItem> redFlagItems() {
    return Arrays.stream(SuspectedPathology.values())
        .map(
            pathology -> {
              SelectItemGroup group =
                  new SelectItemGroup(
                      pathology.display().substring(0, 1).toUpperCase()
                          + pathology.display().substring(1));
              group.setSelectItems(
                  Arrays.stream(RedFlagItem.values())
                      .filter(item -> item.pathology() == pathology)
                      .map(item -> new SelectItem(item.name(), item.display()))
                      .toArray(SelectItem[]::new));
              return (SelectItem) group;
            })
        .toList();
  }

  public List<SelectItem> getContraindicationItems() {
    return Arrays.stream(Contraindication.values())
        .map(
            item ->
                new SelectItem(
                    item.name(),
                    item.display() + (item.isPrecaution() ? " (precaution)" : " (rules out)")))
        .toList();
  }

  public List<SelectItem> getConfirmableItems() {
    return Arrays.stream(Contraindication.values())
        .filter(item -> item.isPrecaution() || item == Contraindication.SKIN_LESION)
        .map(item -> new SelectItem(item.name(), item.display()))
        .toList();
  }

  public List<SelectItem> getRegionItems() {
    return Arrays.stream(Region.values())
        .filter(region -> region != Region.FULL_BODY)
        .map(region -> new SelectItem(region.name(), region.display()))
        .toList();
  }

  public List<SelectItem> getAdverseKinds() {
    return Arrays.stream(AdverseResponseKind.values())
        .map(kind -> new SelectItem(kind.name(), kind.display()))
        .toList();
  }
}
