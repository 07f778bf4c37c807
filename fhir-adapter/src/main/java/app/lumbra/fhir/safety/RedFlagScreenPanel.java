package app.lumbra.fhir.safety;

import static app.lumbra.fhir.terminology.CodeSystemResourceProvider.RED_FLAG_PANEL;
import static app.lumbra.fhir.terminology.CodeSystemResourceProvider.RED_FLAG_SYSTEM;

import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.safety.application.RecordRedFlagScreen;
import app.lumbra.safety.application.RedFlagScreenView;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.shared.InvalidValueException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * SAFE-1 over FHIR: the red-flag screen is an Observation panel.
 *
 * <table>
 *   <caption>Shape</caption>
 *   <tr><th>Element</th><th>Value</th></tr>
 *   <tr><td>code</td><td>{@value CodeSystemResourceProvider#RED_FLAG_SYSTEM}#{@value CodeSystemResourceProvider#RED_FLAG_PANEL} (no LOINC or SNOMED CT panel for a
 *       spinal red-flag screen was found)</td></tr>
 *   <tr><td>category</td><td>survey</td></tr>
 *   <tr><td>subject, basedOn</td><td>the Patient and the CarePlan screened (required)</td></tr>
 *   <tr><td>component (one per item, all twelve)</td><td>code {@value CodeSystemResourceProvider#RED_FLAG_SYSTEM}#item code (the
 *       {@link RedFlagItem} names, e.g. SADDLE_NUMBNESS), valueBoolean: true = present</td></tr>
 *   <tr><td>performer</td><td>who screened (display or reference), else "EHR (FHIR)"</td></tr>
 * </table>
 *
 * A panel received is recorded as the plan's new screen and kept whole (clinical context), so it is
 * read and searched back as sent. A screen recorded in Lumbra (portal, reassessment) is published
 * in this shape ({@link #toFhir}) under the screen's id, as clinical context of the patient, so
 * every FHIR read, search, {@code $everything} and bulk export holds it as well.
 */
public final class RedFlagScreenPanel {

  /** The Lumbra code system of the screen and its items. */
  private RedFlagScreenPanel() {}

  /** The panel of a screen recorded in Lumbra. */
  public static Observation toFhir(RedFlagScreenView screen) {
    Observation panel = new Observation();
    panel.setId(screen.id());
    panel.setStatus(Observation.ObservationStatus.FINAL);
    panel.addCategory(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
    panel.setCode(
        new CodeableConcept(
                new Coding(
                    RED_FLAG_SYSTEM,
                    RED_FLAG_PANEL,
                    "Red-flag screen for serious spinal pathology"))
            .setText(screen.isPositive() ? "Red-flag screen: positive" : "Red-flag screen: clear"));
    panel.setSubject(new Reference("Patient/" + screen.patientId()));
    panel.addBasedOn(new Reference("CarePlan/" + screen.carePlanId()));
    panel.setEffective(FhirTime.dateTime(screen.screenedAt()));
    panel.addPerformer().setDisplay(screen.screenedBy());
    for (RedFlagItem item : RedFlagItem.values()) {
      panel
          .addComponent()
          .setCode(new CodeableConcept(new Coding(RED_FLAG_SYSTEM, item.name(), item.display())))
          .setValue(new BooleanType(screen.positive().contains(item)));
    }
    if (screen.referral() != null) {
      panel.addNote().setText(screen.referral());
    }
    if (screen.note() != null) {
      panel.addNote().setText(screen.note());
    }
    return panel;
  }

  public static boolean isScreen(CodeableConcept code) {
    return code != null
        && code.getCoding().stream()
            .anyMatch(
                c -> RED_FLAG_SYSTEM.equals(c.getSystem()) && RED_FLAG_PANEL.equals(c.getCode()));
  }

  /**
   * The screen a panel records.
   *
   * @throws InvalidValueException naming the element when the plan is missing or an item is
   *     unanswered, unknown or not a boolean
   */
  public static RecordRedFlagScreen toCommand(Observation panel) {
    String plan =
        panel.getBasedOn().stream()
            .map(Reference::getReferenceElement)
            .filter(ref -> "CarePlan".equals(ref.getResourceType()) && ref.hasIdPart())
            .map(ref -> ref.getIdPart())
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "Observation.basedOn",
                        "none",
                        "a reference to the CarePlan screened, such as CarePlan/123"));
    Set<RedFlagItem> answered = EnumSet.noneOf(RedFlagItem.class);
    Set<RedFlagItem> positive = EnumSet.noneOf(RedFlagItem.class);
    for (Observation.ObservationComponentComponent component : panel.getComponent()) {
      RedFlagItem item = item(component.getCode());
      if (!component.hasValueBooleanType()) {
        throw new InvalidValueException(
            "Observation.component.value[x]", item.name(), "valueBoolean (true: present)");
      }
      answered.add(item);
      if (component.getValueBooleanType().booleanValue()) {
        positive.add(item);
      }
    }
    Set<RedFlagItem> missing = EnumSet.allOf(RedFlagItem.class);
    missing.removeAll(answered);
    if (!missing.isEmpty()) {
      throw new InvalidValueException(
          "Observation.component",
          "no answer for " + missing,
          "one component per item of the screen: " + Arrays.toString(RedFlagItem.values()));
    }
    return new RecordRedFlagScreen(plan, positive, null, author(panel));
  }

  private static RedFlagItem item(CodeableConcept code) {
    Optional<Coding> coding =
        code.getCoding().stream().filter(c -> RED_FLAG_SYSTEM.equals(c.getSystem())).findFirst();
    String sent = coding.map(Coding::getCode).orElse(code.getCodingFirstRep().getCode());
    return Arrays.stream(RedFlagItem.values())
        .filter(item -> item.name().equals(sent))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "Observation.component.code",
                    sent,
                    RED_FLAG_SYSTEM
                        + " codes "
                        + Arrays.stream(RedFlagItem.values())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
  }

  private static String author(Observation panel) {
    return panel.getPerformer().stream()
        .map(p -> p.hasDisplay() ? p.getDisplay() : p.getReference())
        .filter(name -> name != null && !name.isBlank() && name.length() <= 200)
        .findFirst()
        .orElse("EHR (FHIR)");
  }
}
