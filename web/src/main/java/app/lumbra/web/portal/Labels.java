package app.lumbra.web.portal;

import app.lumbra.condition.domain.OnsetType;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.DailyActivityDifficulty;
import app.lumbra.observation.domain.LegPain;
import app.lumbra.observation.domain.MedicationUse;
import app.lumbra.observation.domain.OswestryScore;
import app.lumbra.observation.domain.PainScore;
import app.lumbra.observation.domain.RolandMorrisScore;
import app.lumbra.observation.domain.StiffnessScore;
import app.lumbra.observation.domain.SymptomReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Words for codes and formats for dates on the pages: {@code LOWER_BACK} reads "Lower back", {@code
 * NOT_YET_IMPROVING} reads "Not yet improving". Used from EL as {@code #{labels.of(x)}}.
 */
@Named
@ApplicationScoped
public class Labels {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  /** A code or enum constant in words. */
  public String of(Object code) {
    if (code == null) {
      return "";
    }
    String text = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Several codes in words, comma-separated, in their natural order. */
  public String list(Collection<?> codes) {
    if (codes == null || codes.isEmpty()) {
      return "—";
    }
    return codes.stream().map(this::of).sorted().collect(Collectors.joining(", "));
  }

  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** A day, or {@code otherwise} when it was not recorded (FHIR-6: EHRs may leave dates out). */
  public String dayOr(LocalDate day, String otherwise) {
    return day == null ? otherwise : DAY.format(day);
  }

  /**
   * A condition's onset in words: "Chronic since 3 Jan 2026", "Chronic" when the date is not known,
   * "Onset not known" when neither is (FHIR-6).
   */
  public String onset(OnsetType type, LocalDate since) {
    String kind = type == null || !type.isKnown() ? "Onset not known" : of(type);
    return since == null
        ? kind
        : kind + (type == null || !type.isKnown() ? ", began " : " since ") + DAY.format(since);
  }

  public String time(OffsetDateTime time) {
    return time == null ? "" : TIME.format(time.atZoneSameInstant(PortalTime.zone()));
  }

  public String percent(double share) {
    return Math.round(share * 100) + " %";
  }

  public String number(Double value) {
    return value == null ? "—" : String.format(Locale.UK, "%.1f", value);
  }

  /** A reading's value in words: "7", "Frequent", "Present (left)", "4 (morning)". */
  public String reading(ObservationView observation) {
    SymptomReading reading = observation.reading();
    if (reading instanceof LegPain leg) {
      return leg.isPresent()
          ? "Present" + leg.sideIfKnown().map(s -> " (" + s.name().toLowerCase() + ")").orElse("")
          : "Absent";
    }
    if (reading instanceof StiffnessScore stiffness) {
      return stiffness.value() + (stiffness.morning() ? " (morning)" : "");
    }
    if (reading instanceof PainScore pain) {
      return Integer.toString(pain.value());
    }
    if (reading instanceof OswestryScore odi) {
      return odi.percent() + " %";
    }
    if (reading instanceof RolandMorrisScore rolandMorris) {
      return rolandMorris.value() + " / 24";
    }
    if (reading instanceof MedicationUse medication) {
      return medication.doses() + (medication.doses() == 1 ? " dose" : " doses");
    }
    if (reading instanceof DailyActivityDifficulty difficulty) {
      return Integer.toString(difficulty.value());
    }
    return of(reading);
  }
}
