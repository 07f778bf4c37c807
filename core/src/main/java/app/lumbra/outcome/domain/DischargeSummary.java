package app.lumbra.outcome.domain;

import app.lumbra.adherence.domain.AdherenceReport;
import app.lumbra.adherence.domain.HomeCareAdherence;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * OUT-3: what a discharge leaves behind, one per care plan: baseline and final pain and function,
 * sessions attended, adherence, the measures that improved or worsened, and the reason.
 *
 * <p>Rules: written once, when the plan is completed by discharge, from the outcome report of that
 * moment, and never changed (the plan's history shows any later change). Function is Roland–Morris
 * when it was measured, otherwise Oswestry.
 */
@Entity
@Table(name = "discharge_summary")
public class DischargeSummary {

  @Id
  @Column(name = "care_plan_id", length = RecordIds.MAX_LENGTH)
  private String carePlanId;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "discharged_at", nullable = false)
  private OffsetDateTime dischargedAt;

  @Column(name = "discharged_by", nullable = false, length = 200)
  private String dischargedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason", nullable = false, length = 32)
  private DischargeReason reason;

  @Column(name = "note", length = 2000)
  private String note;

  @Column(name = "baseline_pain")
  private Double baselinePain;

  @Column(name = "final_pain")
  private Double finalPain;

  @Enumerated(EnumType.STRING)
  @Column(name = "function_measure", length = 32)
  private TrackedMeasure functionMeasure;

  @Column(name = "baseline_function")
  private Double baselineFunction;

  @Column(name = "final_function")
  private Double finalFunction;

  @Column(name = "sessions_attended", nullable = false)
  private int sessionsAttended;

  @Column(name = "sessions_due", nullable = false)
  private int sessionsDue;

  @Column(name = "home_care_share")
  private Double homeCareShare;

  @Column(name = "improved", nullable = false, length = 500)
  private String improved;

  @Column(name = "worsened", nullable = false, length = 500)
  private String worsened;

  @Column(name = "final_pain_observation_id", length = RecordIds.MAX_LENGTH)
  private String finalPainObservationId;

  @Column(name = "final_function_observation_id", length = RecordIds.MAX_LENGTH)
  private String finalFunctionObservationId;

  protected DischargeSummary() {}

  /** The summary of a plan discharged now, from its outcome report. */
  public static DischargeSummary write(
      String patientId,
      OutcomeReport report,
      DischargeReason reason,
      String note,
      String author,
      Clock clock) {
    DischargeSummary summary = new DischargeSummary();
    summary.carePlanId = RecordIds.check("carePlanId", report.carePlanId());
    summary.patientId = RecordIds.check("patientId", patientId);
    summary.reason =
        InvalidValueException.required(
            DischargeReason.FIELD, reason, Arrays.toString(DischargeReason.values()));
    summary.note = Authors.note(note, 2000);
    if (reason == DischargeReason.OTHER && summary.note == null) {
      throw new InvalidValueException("note", null, "the reason, when the reason is OTHER");
    }
    summary.dischargedBy = Authors.check(author);
    summary.dischargedAt = OffsetDateTime.now(clock);
    report
        .trend(TrackedMeasure.PAIN)
        .ifPresent(
            pain -> {
              summary.baselinePain = pain.baseline() != null ? pain.baseline() : first(pain);
              summary.finalPain = pain.current() != null ? pain.current() : latest(pain);
              summary.finalPainObservationId = pain.latestObservationId();
            });
    Optional<MeasureTrend> function =
        report
            .trend(TrackedMeasure.ROLAND_MORRIS)
            .filter(trend -> !trend.points().isEmpty())
            .or(() -> report.trend(TrackedMeasure.OSWESTRY).filter(t -> !t.points().isEmpty()));
    function.ifPresent(
        trend -> {
          summary.functionMeasure = trend.measure();
          summary.baselineFunction = trend.baseline();
          summary.finalFunction = trend.current() != null ? trend.current() : latest(trend);
          summary.finalFunctionObservationId = trend.latestObservationId();
        });
    AdherenceReport adherence = report.progress().adherence();
    summary.sessionsAttended = adherence.attendance().attended();
    summary.sessionsDue = adherence.attendance().scheduledToDate();
    OptionalDouble homeCare =
        adherence.homeCare().stream().mapToDouble(HomeCareAdherence::shareDone).average();
    summary.homeCareShare = homeCare.isPresent() ? homeCare.getAsDouble() : null;
    summary.improved = names(report.improved());
    summary.worsened = names(report.worsened());
    return summary;
  }

  private static Double first(MeasureTrend trend) {
    return trend.points().isEmpty() ? null : (double) trend.points().get(0).value();
  }

  private static Double latest(MeasureTrend trend) {
    Integer value = trend.latestValue();
    return value == null ? null : value.doubleValue();
  }

  private static String names(List<TrackedMeasure> measures) {
    return String.join(",", measures.stream().map(Enum::name).toList());
  }

  private static List<TrackedMeasure> measures(String names) {
    if (names == null || names.isBlank()) {
      return List.of();
    }
    return Arrays.stream(names.split(",")).map(TrackedMeasure::valueOf).toList();
  }

  public String carePlanId() {
    return carePlanId;
  }

  public String patientId() {
    return patientId;
  }

  public OffsetDateTime dischargedAt() {
    return dischargedAt;
  }

  public String dischargedBy() {
    return dischargedBy;
  }

  public DischargeReason reason() {
    return reason;
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public Optional<Double> baselinePain() {
    return Optional.ofNullable(baselinePain);
  }

  public Optional<Double> finalPain() {
    return Optional.ofNullable(finalPain);
  }

  public Optional<TrackedMeasure> functionMeasure() {
    return Optional.ofNullable(functionMeasure);
  }

  public Optional<Double> baselineFunction() {
    return Optional.ofNullable(baselineFunction);
  }

  public Optional<Double> finalFunction() {
    return Optional.ofNullable(finalFunction);
  }

  public int sessionsAttended() {
    return sessionsAttended;
  }

  public int sessionsDue() {
    return sessionsDue;
  }

  public Optional<Double> homeCareShare() {
    return Optional.ofNullable(homeCareShare);
  }

  public List<TrackedMeasure> improved() {
    return measures(improved);
  }

  public List<TrackedMeasure> worsened() {
    return measures(worsened);
  }

  public Optional<String> finalPainObservationId() {
    return Optional.ofNullable(finalPainObservationId);
  }

  public Optional<String> finalFunctionObservationId() {
    return Optional.ofNullable(finalFunctionObservationId);
  }
}
