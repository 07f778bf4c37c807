package app.lumbra.outcome.application;

import app.lumbra.outcome.domain.DischargeReason;
import app.lumbra.outcome.domain.DischargeSummary;
import app.lumbra.outcome.domain.TrackedMeasure;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OUT-3: a discharge summary as the portal and FHIR show it. Figures are null where nothing was
 * measured; {@code homeCareShare} is the mean share of days done over the plan's tasks.
 *
 * @param outcomeObservationIds the final pain and function readings (FHIR outcome references)
 */
public record DischargeSummaryView(
    String carePlanId,
    String patientId,
    OffsetDateTime dischargedAt,
    String dischargedBy,
    DischargeReason reason,
    String note,
    Double baselinePain,
    Double finalPain,
    TrackedMeasure functionMeasure,
    Double baselineFunction,
    Double finalFunction,
    int sessionsAttended,
    int sessionsDue,
    Double homeCareShare,
    List<TrackedMeasure> improved,
    List<TrackedMeasure> worsened,
    List<String> outcomeObservationIds) {

  static DischargeSummaryView of(DischargeSummary s) {
    List<String> outcomes = new ArrayList<>();
    s.finalPainObservationId().ifPresent(outcomes::add);
    s.finalFunctionObservationId().ifPresent(outcomes::add);
    return new DischargeSummaryView(
        s.carePlanId(),
        s.patientId(),
        s.dischargedAt(),
        s.dischargedBy(),
        s.reason(),
        s.note().orElse(null),
        s.baselinePain().orElse(null),
        s.finalPain().orElse(null),
        s.functionMeasure().orElse(null),
        s.baselineFunction().orElse(null),
        s.finalFunction().orElse(null),
        s.sessionsAttended(),
        s.sessionsDue(),
        s.homeCareShare().orElse(null),
        s.improved(),
        s.worsened(),
        outcomes);
  }

  /**
   * The summary in sentences, for the printout and the FHIR narrative: reason, pain and function
   * from baseline to final, attendance and home care, what improved and what worsened.
   */
  public List<String> sentences() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Discharged because "
            + reason.text()
            + (note == null ? "" : " (" + note + ")")
            + ", by "
            + dischargedBy
            + " on "
            + dischargedAt.toLocalDate()
            + ".");
    lines.add(
        "Pain (0–10): "
            + (baselinePain == null ? "not measured" : number(baselinePain))
            + " at baseline, "
            + (finalPain == null ? "not measured" : number(finalPain))
            + " at discharge.");
    lines.add(
        functionMeasure == null
            ? "Function: not measured (neither Oswestry nor Roland–Morris)."
            : "Function ("
                + functionMeasure.label()
                + "): "
                + (baselineFunction == null ? "not measured" : number(baselineFunction))
                + " at baseline, "
                + (finalFunction == null ? "not measured" : number(finalFunction))
                + " at discharge.");
    lines.add(
        "Sessions attended: "
            + sessionsAttended
            + " of "
            + sessionsDue
            + " due"
            + (homeCareShare == null
                ? "; no home-care tasks."
                : "; home care done on " + Math.round(homeCareShare * 100) + " % of days."));
    lines.add(
        "Clinically important change: "
            + (improved.isEmpty() ? "none improved" : "improved " + labels(improved))
            + (worsened.isEmpty() ? "" : "; worse " + labels(worsened))
            + ".");
    return lines;
  }

  private static String labels(List<TrackedMeasure> measures) {
    return String.join(", ", measures.stream().map(TrackedMeasure::label).toList());
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
