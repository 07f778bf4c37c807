package app.lumbra.fhir.careplan;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.careplan.domain.CarePolicy;
import app.lumbra.careplan.domain.HomeCareKind;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.StandardInput;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.outcome.application.DischargeSummaryView;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.vocabulary.TargetRegion;
import app.lumbra.shared.vocabulary.Technique;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * Care plan ⇄ FHIR {@code CarePlan} (FHIR-1, PRODUCT.md section 6): {@code intent=plan}, US Core
 * category assess-plan, {@code addresses} the condition, {@code goal} references, one activity per
 * phase with {@code scheduledTiming} (frequency per weeks, session minutes, bounds), the exercise
 * programme and every home-care task as activities of their own, and the patient factors, flags and
 * planned sessions in project extensions. Warnings (PLAN-1 and others) and the PLAN-11 statement
 * are emitted in extensions and the generated narrative; they are derived, so a client may send
 * them back unchanged but they are never read.
 */
public final class CarePlanFhirMapper {

  /** The author of a change a client does not name. */
  public static final String DEFAULT_AUTHOR = "FHIR client";

  /**
   * The elements the domain owns (FHIR-1 "keep"): the projection is their authority; everything
   * else a partner sends is kept as sent.
   */
  public static final Set<String> OWNED =
      Set.of(
          "text",
          "extension",
          "status",
          "category",
          "title",
          "subject",
          "period",
          "created",
          "author",
          "addresses",
          "goal",
          "activity");

  private static final Set<String> EXTENSIONS =
      Set.of(
          Extensions.PATIENT_FACTORS,
          Extensions.CO_MANAGEMENT,
          Extensions.EXPECTATIONS,
          Extensions.PLAN_WARNING,
          Extensions.STRUCTURAL_CAUSE_STATEMENT,
          Extensions.LAST_CHANGE,
          Extensions.LAST_CHANGED_BY);
  private static final Set<String> DETAIL_EXTENSIONS =
      Set.of(
          Extensions.PHASE_KIND,
          Extensions.TECHNIQUE,
          Extensions.TARGET_REGION,
          Extensions.PLANNED_SESSION,
          Extensions.HOME_CARE_TASK_ID);

  private CarePlanFhirMapper() {}

  public static CarePlan toFhir(CarePlanView view) {
    return toFhir(view, Optional.empty());
  }

  /**
   * The plan, and for a plan completed by discharge (OUT-3) the discharge summary: in the narrative
   * and as {@code outcomeReference}s of the massage activity of the last phase to the final pain
   * and function readings.
   */
  public static CarePlan toFhir(CarePlanView view, Optional<DischargeSummaryView> discharge) {
    CarePlan plan = new CarePlan();
    PlanContentData content = view.content();
    plan.setIdElement(new IdType("CarePlan", view.id(), Long.toString(view.version())));
    plan.getMeta().setVersionId(Long.toString(view.version()));
    plan.getMeta().setLastUpdated(FhirTime.date(view.updatedAt()));
    plan.getMeta().addProfile(Terminology.US_CORE_CAREPLAN);
    plan.setText(narrative(view, discharge));
    plan.setStatus(CarePlan.CarePlanStatus.fromCode(statusCode(view.status())));
    plan.setIntent(CarePlan.CarePlanIntent.PLAN);
    plan.addCategory(
        new CodeableConcept(
            new Coding(Terminology.CAREPLAN_CATEGORY, Terminology.CAREPLAN_ASSESS_PLAN, null)));
    plan.setTitle(content.title());
    plan.setSubject(Refs.to("Patient", view.patientId()));
    if (view.conditionId() != null) {
      plan.addAddresses(Refs.to("Condition", view.conditionId()));
    }
    plan.setCreatedElement(FhirTime.dateTime(view.createdAt()));
    plan.setAuthor(new Reference().setDisplay(view.createdBy()));
    for (GoalData goal : content.goals()) {
      plan.addGoal(Refs.to("Goal", goal.goalId()));
    }
    plan.addExtension(factors(content.factors()));
    Ext.add(plan, Extensions.CO_MANAGEMENT, new BooleanType(content.coManagementFlagged()));
    if (content.expectations() != null) {
      Ext.add(plan, Extensions.EXPECTATIONS, new StringType(content.expectations()));
    }
    for (WarningView warning : view.warnings()) {
      Ext.add(plan, Extensions.PLAN_WARNING, new StringType(warningText(warning)));
    }
    if (view.structuralCauseStatement() != null) {
      Ext.add(
          plan,
          Extensions.STRUCTURAL_CAUSE_STATEMENT,
          new StringType(view.structuralCauseStatement()));
    }
    Ext.add(plan, Extensions.LAST_CHANGE, Terminology.coding(view.lastChange()));
    Ext.add(plan, Extensions.LAST_CHANGED_BY, new StringType(view.updatedBy()));
    CarePlanActivityStatus activityStatus = activityStatus(view.status());
    for (int index = 0; index < content.phases().size(); index++) {
      CarePlan.CarePlanActivityComponent activity =
          plan.addActivity().setDetail(phase(content, index, activityStatus));
      if (index == content.phases().size() - 1 && discharge.isPresent()) {
        discharge
            .get()
            .outcomeObservationIds()
            .forEach(id -> activity.addOutcomeReference(Refs.to("Observation", id)));
      }
    }
    if (content.exerciseProgramme() != null) {
      plan.addActivity()
          .getDetail()
          .setCode(new CodeableConcept(Terminology.lumbra(Terminology.EXERCISE_PROGRAMME)))
          .setStatus(activityStatus)
          .setDescription(content.exerciseProgramme());
    }
    for (HomeCareTaskData task : content.homeCareTasks()) {
      CarePlanActivityDetailComponent detail =
          plan.addActivity()
              .getDetail()
              .setCode(Terminology.concept(task.kind()))
              .setStatus(activityStatus)
              .setDescription(task.instructions());
      Ext.add(detail, Extensions.HOME_CARE_TASK_ID, new StringType(task.taskId()));
    }
    return plan;
  }

  private static String warningText(WarningView warning) {
    return warning.ruleId() + " (" + warning.field() + "): " + warning.message();
  }

  private static Narrative narrative(CarePlanView view, Optional<DischargeSummaryView> discharge) {
    XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
    div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
    String title = view.content().title() == null ? "Massage care plan" : view.content().title();
    div.addTag("p").addText(title + " (" + statusCode(view.status()) + ")");
    XhtmlNode phases = div.addTag("ul");
    for (PhaseData phase : view.content().phases()) {
      phases
          .addTag("li")
          .addText(
              phase.kind()
                  + ": "
                  + phase.sessionsPerPeriod()
                  + " session(s) per "
                  + phase.periodWeeks()
                  + " week(s) of "
                  + phase.sessionMinutes()
                  + " min from "
                  + phase.startDate()
                  + (phase.endDate() == null ? "" : " to " + phase.endDate()));
    }
    // PLAN-12: what to expect, in the plan's words or the project's default wording.
    String expectations = view.content().expectations();
    div.addTag("p")
        .addText(
            expectations == null || expectations.isBlank()
                ? CarePolicy.EXPECTATIONS
                : expectations);
    if (view.structuralCauseStatement() != null) {
      div.addTag("p").addText(view.structuralCauseStatement());
    }
    for (WarningView warning : view.warnings()) {
      // Words first; the rule id is a reference, not the label.
      div.addTag("p").addText("Warning: " + warning.message() + " [" + warning.ruleId() + "]");
    }
    if (discharge.isPresent()) {
      div.addTag("h3").addText("Discharge summary");
      XhtmlNode lines = div.addTag("ul");
      discharge.get().sentences().forEach(line -> lines.addTag("li").addText(line));
    }
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDiv(div);
    return narrative;
  }

  private static CarePlanActivityDetailComponent phase(
      PlanContentData content, int index, CarePlanActivityStatus status) {
    PhaseData phase = content.phases().get(index);
    CarePlanActivityDetailComponent detail = new CarePlanActivityDetailComponent();
    detail.setCode(Terminology.massage());
    detail.setStatus(status);
    Timing timing = new Timing();
    Timing.TimingRepeatComponent repeat = timing.getRepeat();
    Period bounds = new Period().setStartElement(new DateTimeType(phase.startDate().toString()));
    if (phase.endDate() != null) {
      bounds.setEndElement(new DateTimeType(phase.endDate().toString()));
    }
    repeat.setBounds(bounds);
    repeat.setFrequency(phase.sessionsPerPeriod());
    repeat.setPeriod(phase.periodWeeks());
    repeat.setPeriodUnit(Timing.UnitsOfTime.WK);
    repeat.setDuration(phase.sessionMinutes());
    repeat.setDurationUnit(Timing.UnitsOfTime.MIN);
    detail.setScheduled(timing);
    Ext.add(detail, Extensions.PHASE_KIND, Terminology.coding(phase.kind()));
    for (Technique technique : new TreeSet<>(phase.techniques())) {
      Ext.add(detail, Extensions.TECHNIQUE, Terminology.coding(technique));
    }
    for (TargetRegion region : new TreeSet<>(phase.targetRegions())) {
      Ext.add(detail, Extensions.TARGET_REGION, Terminology.coding(region));
    }
    for (SessionData session : content.sessions()) {
      if (session.phaseIndex() == index) {
        Extension planned = new Extension(Terminology.extension(Extensions.PLANNED_SESSION));
        planned.addExtension("startsAt", FhirTime.dateTime(session.startsAt()));
        planned.addExtension("minutes", new IntegerType(session.minutes()));
        detail.addExtension(planned);
      }
    }
    return detail;
  }

  private static Extension factors(FactorsData factors) {
    Extension extension = new Extension(Terminology.extension(Extensions.PATIENT_FACTORS));
    extension.addExtension("onsetType", Terminology.coding(factors.onsetType()));
    if (factors.painScore() != null) {
      extension.addExtension("painScore", new IntegerType(factors.painScore()));
    }
    if (factors.severity() != null) {
      extension.addExtension("severity", Terminology.coding(factors.severity()));
    }
    for (StructuralCause cause : sorted(factors.structuralCauses())) {
      extension.addExtension("structuralCause", Terminology.coding(cause));
    }
    extension.addExtension(
        "intensityPreference", Terminology.coding(factors.intensityPreference()));
    for (Lifestyle lifestyle : sorted(factors.lifestyles())) {
      extension.addExtension("lifestyle", Terminology.coding(lifestyle));
    }
    extension.addExtension("pricePerSession", money(factors.pricePerSession(), factors.currency()));
    if (factors.monthlyBudget() != null) {
      extension.addExtension("monthlyBudget", money(factors.monthlyBudget(), factors.currency()));
    }
    for (DayOfWeek day : new TreeSet<>(factors.availableDays())) {
      extension.addExtension("availableDay", new CodeType(dayCode(day)));
    }
    extension.addExtension(
        "preferredTime",
        new TimeType(factors.preferredTime().format(DateTimeFormatter.ISO_LOCAL_TIME)));
    return extension;
  }

  private static <E extends Enum<E>> Set<E> sorted(Set<E> values) {
    return values == null ? Set.of() : new TreeSet<>(values);
  }

  private static Money money(BigDecimal amount, String currency) {
    Money money = new Money();
    money.setValue(amount);
    money.setCurrency(currency);
    return money;
  }

  private static String dayCode(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  private static String statusCode(PlanStatus status) {
    return status == PlanStatus.ON_HOLD ? "on-hold" : status.name().toLowerCase(Locale.ROOT);
  }

  private static CarePlanActivityStatus activityStatus(PlanStatus status) {
    return switch (status) {
      case DRAFT -> CarePlanActivityStatus.NOTSTARTED;
      case ACTIVE -> CarePlanActivityStatus.INPROGRESS;
      case ON_HOLD -> CarePlanActivityStatus.ONHOLD;
      case COMPLETED -> CarePlanActivityStatus.COMPLETED;
      case REVOKED -> CarePlanActivityStatus.CANCELLED;
    };
  }

  /**
   * What a FHIR client sends about a plan; {@code assumed} says, in words, what Lumbra assumed
   * because the client did not say it (a referral without Lumbra's extensions, FHIR-6).
   */
  public record CarePlanData(
      String patientId,
      String conditionId,
      PlanStatus status,
      PlanContentData content,
      String author,
      List<String> assumed) {}

  /**
   * What a plan is read with where the client is silent (FHIR-6: a referral CarePlan coded massage
   * carries none of Lumbra's extensions): the patient factors (from the addressed condition and the
   * clinic's defaults), the session length, the techniques, and today for a phase without a start.
   */
  public record Assumed(
      FactorsData factors, int sessionMinutes, Set<Technique> techniques, LocalDate today) {

    /** For a client that must send everything (validation): nothing is assumed. */
    public static final Assumed NOTHING = new Assumed(null, 0, Set.of(), null);
  }

  /**
   * Whether the plan is one of massage in low-back-pain care (FHIR-6: an activity coded massage,
   * SNOMED CT 387854002 or Lumbra's code); any other plan is the patient's clinical context.
   */
  public static boolean isMassagePlan(CarePlan plan) {
    return plan.getActivity().stream()
        .anyMatch(activity -> StandardInput.isMassage(activity.getDetail().getCode()));
  }

  /** Reads a plan that must say everything (nothing is assumed). */
  public static CarePlanData toDomain(
      CarePlan plan, Function<String, Optional<GoalData>> existingGoal) {
    return toDomain(plan, existingGoal, Assumed.NOTHING);
  }

  /**
   * Reads a plan. Goals are either references {@code Goal/id} to goals the plan already has ({@code
   * existingGoal} finds them) or contained Goals ({@code #local}) that become new goals.
   */
  public static CarePlanData toDomain(
      CarePlan plan, Function<String, Optional<GoalData>> existingGoal, Assumed assumed) {
    if (!INTENTS.contains(plan.getIntent())) {
      throw new InvalidValueException(
          "CarePlan.intent",
          plan.getIntent() == null ? null : plan.getIntent().toCode(),
          "plan, order or proposal");
    }
    List<String> assumptions = new ArrayList<>();
    List<GoalData> goals = new ArrayList<>();
    for (int i = 0; i < plan.getGoal().size(); i++) {
      GoalData goal = goal(plan, plan.getGoal().get(i), "CarePlan.goal[" + i + "]", existingGoal);
      if (goal != null) {
        goals.add(goal);
      }
    }
    List<PhaseData> phases = new ArrayList<>();
    List<SessionData> sessions = new ArrayList<>();
    String exerciseProgramme = null;
    List<HomeCareTaskData> tasks = new ArrayList<>();
    int massageActivities =
        (int)
            plan.getActivity().stream()
                .filter(activity -> StandardInput.isMassage(activity.getDetail().getCode()))
                .count();
    for (int i = 0; i < plan.getActivity().size(); i++) {
      String path = "CarePlan.activity[" + i + "]";
      CarePlanActivityComponent activity = plan.getActivity().get(i);
      CarePlanActivityDetailComponent detail = activity.getDetail();
      CodeableConcept code = detail.getCode();
      if (StandardInput.isMassage(code)) {
        phases.add(
            phase(
                new PhaseInput(plan, detail, path + ".detail", phases.size(), massageActivities),
                sessions,
                assumed,
                assumptions));
      } else if (Terminology.has(code, Terminology.LUMBRA, Terminology.EXERCISE_PROGRAMME)) {
        // A second programme is a partner's and is kept as sent (FHIR-1).
        if (exerciseProgramme == null) {
          exerciseProgramme = detail.getDescription();
        }
      } else if (Terminology.find(HomeCareKind.class, code).isPresent()) {
        HomeCareKind kind = Terminology.parse(HomeCareKind.class, path + ".detail.code", code);
        StringType taskId = Ext.value(detail, Extensions.HOME_CARE_TASK_ID, StringType.class);
        tasks.add(
            new HomeCareTaskData(
                taskId == null ? null : taskId.getValue(), kind, detail.getDescription()));
      }
    }
    Extension factors = plan.getExtensionByUrl(Terminology.extension(Extensions.PATIENT_FACTORS));
    if (factors == null && assumed.factors() == null) {
      throw new InvalidValueException(
          "CarePlan.extension('patient-factors')", null, "the patient factors (PLAN-13)");
    }
    if (factors == null) {
      assumptions.add(
          "the patient factors (PLAN-13) were not sent: onset and severity are the addressed"
              + " condition's where it says them, price, budget, days and time are the clinic's"
              + " defaults; complete them in the portal");
    }
    BooleanType coManagement = Ext.value(plan, Extensions.CO_MANAGEMENT, BooleanType.class);
    StringType expectations = Ext.value(plan, Extensions.EXPECTATIONS, StringType.class);
    PlanContentData content =
        new PlanContentData(
            plan.getTitle(),
            factors == null ? assumed.factors() : factors(factors),
            phases,
            sessions,
            exerciseProgramme,
            tasks,
            goals,
            coManagement != null && coManagement.booleanValue(),
            expectations == null ? null : expectations.getValue());
    String author = plan.hasAuthor() ? plan.getAuthor().getDisplay() : null;
    return new CarePlanData(
        Refs.required("CarePlan.subject", "Patient", plan.getSubject()),
        plan.hasAddresses()
            ? Refs.firstOf("CarePlan.addresses", "Condition", plan.getAddresses())
            : null,
        status(plan.getStatus()),
        content,
        author == null || author.isBlank() ? DEFAULT_AUTHOR : author,
        List.copyOf(assumptions));
  }

  private static final Set<CarePlan.CarePlanIntent> INTENTS =
      EnumSet.of(
          CarePlan.CarePlanIntent.PLAN,
          CarePlan.CarePlanIntent.ORDER,
          CarePlan.CarePlanIntent.PROPOSAL);

  /** One massage activity of a plan, where it is, and how many the plan has. */
  private record PhaseInput(
      CarePlan plan, CarePlanActivityDetailComponent detail, String path, int index, int count) {}

  // The home-care coding a concept carries, if it names a home-care kind Lumbra knows.
  private static Coding homeCareCoding(CodeableConcept code) {
    for (HomeCareKind kind : HomeCareKind.values()) {
      if (Terminology.has(code, Terminology.LUMBRA, Terminology.code(kind))) {
        return Terminology.coding(kind);
      }
    }
    return null;
  }

  private static GoalData goal(
      CarePlan plan,
      Reference reference,
      String path,
      Function<String, Optional<GoalData>> existingGoal) {
    String ref = reference.getReference();
    if (ref != null && ref.startsWith("#")) {
      for (Resource contained : plan.getContained()) {
        if (contained instanceof Goal goal && ref.substring(1).equals(goal.getIdPart())) {
          return GoalFhirMapper.toDomain(goal, null);
        }
      }
      throw new InvalidValueException(path, ref, "a contained Goal with that id");
    }
    // A goal that is not one of this plan's (a partner's own Goal) is kept with the plan as sent.
    String goalId = Refs.required(path, "Goal", reference);
    return existingGoal.apply(goalId).orElse(null);
  }

  /**
   * One phase from a massage activity. Lumbra's own plans say everything; a referral may leave out
   * the phase kind (then by position: the first is INITIAL, the last of several MAINTENANCE, any
   * between TAPER), the session length, the techniques and target regions, and the bounds (then the
   * plan's period, or today, for the first phase; a {@code boundsDuration} sets the end).
   */
  private static PhaseData phase(
      PhaseInput input, List<SessionData> sessions, Assumed assumed, List<String> assumptions) {
    CarePlanActivityDetailComponent detail = input.detail();
    String path = input.path();
    if (!detail.hasScheduledTiming()) {
      throw new InvalidValueException(path + ".scheduled[x]", null, "scheduledTiming (PLAN-2)");
    }
    Timing.TimingRepeatComponent repeat = detail.getScheduledTiming().getRepeat();
    int periodWeeks = periodWeeks(repeat, path + ".scheduledTiming.repeat");
    Integer minutes = minutes(repeat, path + ".scheduledTiming.repeat");
    if (minutes == null) {
      if (assumed.sessionMinutes() == 0) {
        throw new InvalidValueException(
            path + ".scheduledTiming.repeat.duration", null, "the session length in minutes");
      }
      minutes = assumed.sessionMinutes();
      assumptions.add(path + ": sessions of " + minutes + " minutes (no duration was sent)");
    }
    for (Extension planned : Ext.all(detail, Extensions.PLANNED_SESSION)) {
      DateTimeType startsAt = (DateTimeType) planned.getExtensionByUrl("startsAt").getValue();
      IntegerType length = (IntegerType) planned.getExtensionByUrl("minutes").getValue();
      sessions.add(
          new SessionData(
              FhirTime.offsetDateTime(path + ".extension('planned-session')", startsAt),
              length.getValue(),
              input.index()));
    }
    Coding kind = Ext.value(detail, Extensions.PHASE_KIND, Coding.class);
    PhaseKind phaseKind =
        kind != null || assumed.factors() == null
            ? Terminology.parse(PhaseKind.class, path + ".extension('phase-kind')", kind)
            : byPosition(input.index(), input.count());
    Set<Technique> techniques = EnumSet.noneOf(Technique.class);
    for (Extension technique : Ext.all(detail, Extensions.TECHNIQUE)) {
      techniques.add(
          Terminology.parse(
              Technique.class,
              path + ".extension('technique')",
              Ext.value(technique, Extensions.TECHNIQUE, Coding.class)));
    }
    if (techniques.isEmpty() && !assumed.techniques().isEmpty()) {
      techniques.addAll(assumed.techniques());
      assumptions.add(path + ": techniques " + techniques + " (none was named)");
    }
    Set<TargetRegion> regions = EnumSet.noneOf(TargetRegion.class);
    for (Extension region : Ext.all(detail, Extensions.TARGET_REGION)) {
      regions.add(
          Terminology.parse(
              TargetRegion.class,
              path + ".extension('target-region')",
              Ext.value(region, Extensions.TARGET_REGION, Coding.class)));
    }
    if (regions.isEmpty() && assumed.factors() != null && kind == null) {
      regions.add(TargetRegion.LOWER_BACK);
      assumptions.add(path + ": target region the lower back (low-back-pain care)");
    }
    LocalDate start;
    LocalDate end;
    if (repeat.hasBoundsPeriod()) {
      Period bounds = repeat.getBoundsPeriod();
      start = FhirTime.localDate(path + ".boundsPeriod.start", bounds.getStartElement());
      end = FhirTime.localDate(path + ".boundsPeriod.end", bounds.getEndElement());
    } else if (input.index() == 0 && assumed.today() != null) {
      Period period = input.plan().getPeriod();
      start =
          period.hasStart()
              ? FhirTime.localDate("CarePlan.period.start", period.getStartElement())
              : assumed.today();
      end =
          input.count() == 1 && period.hasEnd()
              ? FhirTime.localDate("CarePlan.period.end", period.getEndElement())
              : null;
      if (repeat.hasBoundsDuration()) {
        end = start.plusWeeks(weeks(repeat.getBoundsDuration(), path + ".boundsDuration"));
      }
    } else {
      throw new InvalidValueException(
          path + ".scheduledTiming.repeat.boundsPeriod",
          null,
          "the phase's start (and end): only the first phase may leave it to the plan's period");
    }
    return new PhaseData(
        phaseKind, start, end, repeat.getFrequency(), periodWeeks, minutes, techniques, regions);
  }

  private static PhaseKind byPosition(int index, int count) {
    if (index == 0) {
      return PhaseKind.INITIAL;
    }
    return index == count - 1 ? PhaseKind.MAINTENANCE : PhaseKind.TAPER;
  }

  /** The period in weeks: {@code wk}, or days in whole weeks ({@code d}, e.g. 7 or 14). */
  private static int periodWeeks(Timing.TimingRepeatComponent repeat, String path) {
    if (!repeat.hasFrequency() || repeat.getPeriod() == null) {
      throw new InvalidValueException(
          path, null, "frequency per period (PLAN-2), e.g. frequency 2, period 1, periodUnit wk");
    }
    BigDecimal period = repeat.getPeriod();
    if (repeat.getPeriodUnit() == Timing.UnitsOfTime.WK
        && period.stripTrailingZeros().scale() <= 0) {
      return period.intValueExact();
    }
    if (repeat.getPeriodUnit() == Timing.UnitsOfTime.D
        && period.stripTrailingZeros().scale() <= 0
        && period.intValueExact() % 7 == 0) {
      return period.intValueExact() / 7;
    }
    throw new InvalidValueException(
        path + ".periodUnit",
        repeat.getPeriodUnit() == null ? null : repeat.getPeriodUnit().toCode() + " " + period,
        "whole weeks: periodUnit wk, or d with a period of 7, 14, …");
  }

  /** The session length in minutes ({@code min} or {@code h}), or null when none was sent. */
  private static Integer minutes(Timing.TimingRepeatComponent repeat, String path) {
    if (repeat.getDuration() == null) {
      return null;
    }
    BigDecimal duration = repeat.getDuration();
    if (repeat.getDurationUnit() == Timing.UnitsOfTime.H) {
      duration = duration.multiply(BigDecimal.valueOf(60));
    } else if (repeat.getDurationUnit() != Timing.UnitsOfTime.MIN) {
      throw new InvalidValueException(
          path + ".durationUnit",
          repeat.getDurationUnit() == null ? null : repeat.getDurationUnit().toCode(),
          "min or h");
    }
    if (duration.stripTrailingZeros().scale() > 0) {
      throw new InvalidValueException(path + ".duration", duration, "whole minutes");
    }
    return duration.intValueExact();
  }

  private static long weeks(Duration duration, String path) {
    String unit = duration.getCode() == null ? duration.getUnit() : duration.getCode();
    if (duration.getValue() != null && duration.getValue().stripTrailingZeros().scale() <= 0) {
      long value = duration.getValue().longValueExact();
      if ("wk".equals(unit)) {
        return value;
      }
      if ("d".equals(unit) && value % 7 == 0) {
        return value / 7;
      }
    }
    throw new InvalidValueException(path, duration.getValue(), "whole weeks (wk, or d by 7)");
  }

  private static FactorsData factors(Extension factors) {
    String path = "CarePlan.extension('patient-factors')";
    Set<StructuralCause> causes = EnumSet.noneOf(StructuralCause.class);
    Set<Lifestyle> lifestyles = EnumSet.noneOf(Lifestyle.class);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Coding onset = null;
    Integer painScore = null;
    Coding severity = null;
    Coding intensity = null;
    Money price = null;
    Money budget = null;
    String time = null;
    for (Extension part : factors.getExtension()) {
      String name = part.getUrl();
      String field = path + "." + name;
      switch (name) {
        case "onsetType" -> onset = Ext.value(part, field, Coding.class);
        case "painScore" -> painScore = Ext.value(part, field, IntegerType.class).getValue();
        case "severity" -> severity = Ext.value(part, field, Coding.class);
        case "structuralCause" ->
            causes.add(
                Terminology.parse(
                    StructuralCause.class, field, Ext.value(part, field, Coding.class)));
        case "intensityPreference" -> intensity = Ext.value(part, field, Coding.class);
        case "lifestyle" ->
            lifestyles.add(
                Terminology.parse(Lifestyle.class, field, Ext.value(part, field, Coding.class)));
        case "pricePerSession" -> price = Ext.value(part, field, Money.class);
        case "monthlyBudget" -> budget = Ext.value(part, field, Money.class);
        case "availableDay" -> days.add(day(field, Ext.value(part, field, CodeType.class)));
        case "preferredTime" -> time = Ext.value(part, field, TimeType.class).getValue();
        default -> {
          // A factor Lumbra does not know is kept with the document (FHIR-1).
        }
      }
    }
    if (price == null || time == null) {
      throw new InvalidValueException(
          path, null, "pricePerSession (Money) and preferredTime (time) among the factors");
    }
    if (budget != null && !price.getCurrency().equals(budget.getCurrency())) {
      throw new InvalidValueException(
          path + ".monthlyBudget", budget.getCurrency(), "the currency of pricePerSession");
    }
    return new FactorsData(
        Terminology.parse(OnsetType.class, path + ".onsetType", onset),
        painScore,
        severity == null
            ? null
            : Terminology.parse(SeverityCategory.class, path + ".severity", severity),
        causes,
        Terminology.parse(IntensityPreference.class, path + ".intensityPreference", intensity),
        lifestyles,
        price.getValue(),
        price.getCurrency(),
        budget == null ? null : budget.getValue(),
        days,
        LocalTime.parse(time));
  }

  private static DayOfWeek day(String field, CodeType code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (dayCode(day).equals(code.getValue())) {
        return day;
      }
    }
    throw new InvalidValueException(field, code.getValue(), "mon, tue, wed, thu, fri, sat or sun");
  }

  private static PlanStatus status(CarePlan.CarePlanStatus status) {
    if (status != null) {
      for (PlanStatus candidate : PlanStatus.values()) {
        if (statusCode(candidate).equals(status.toCode())) {
          return candidate;
        }
      }
    }
    throw new InvalidValueException(
        "CarePlan.status",
        status == null ? null : status.toCode(),
        "draft, active, on-hold, completed or revoked (PLAN-14)");
  }
}
