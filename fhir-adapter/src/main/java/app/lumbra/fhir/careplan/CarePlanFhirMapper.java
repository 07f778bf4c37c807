package app.lumbra.fhir.careplan;

import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.careplan.application.FactorsData;
import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.application.PhaseData;
import app.lumbra.careplan.application.PlanContentData;
import app.lumbra.careplan.application.SessionData;
import app.lumbra.careplan.application.WarningView;
import app.lumbra.careplan.domain.HomeCareKind;
import app.lumbra.careplan.domain.IntensityPreference;
import app.lumbra.careplan.domain.Lifestyle;
import app.lumbra.careplan.domain.PhaseKind;
import app.lumbra.careplan.domain.PlanStatus;
import app.lumbra.careplan.domain.TargetRegion;
import app.lumbra.careplan.domain.Technique;
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
import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
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
          "intent",
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
    CarePlan plan = new CarePlan();
    PlanContentData content = view.content();
    plan.setIdElement(new IdType("CarePlan", view.id(), Long.toString(view.version())));
    plan.getMeta().setVersionId(Long.toString(view.version()));
    plan.getMeta().setLastUpdated(FhirTime.date(view.updatedAt()));
    plan.getMeta().addProfile(Terminology.US_CORE_CAREPLAN);
    plan.setText(narrative(view));
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
      plan.addActivity().setDetail(phase(content, index, activityStatus));
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

  private static Narrative narrative(CarePlanView view) {
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
                ? app.lumbra.careplan.domain.CarePolicy.EXPECTATIONS
                : expectations);
    if (view.structuralCauseStatement() != null) {
      div.addTag("p").addText(view.structuralCauseStatement());
    }
    for (WarningView warning : view.warnings()) {
      // Words first; the rule id is a reference, not the label.
      div.addTag("p").addText("Warning: " + warning.message() + " [" + warning.ruleId() + "]");
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

  /** What a FHIR client sends about a plan. */
  public record CarePlanData(
      String patientId,
      String conditionId,
      PlanStatus status,
      PlanContentData content,
      String author) {}

  /**
   * Whether the plan is one of massage in low-back-pain care (FHIR-6: an activity coded massage,
   * SNOMED CT 387854002 or Lumbra's code); any other plan is the patient's clinical context.
   */
  public static boolean isMassagePlan(CarePlan plan) {
    return plan.getActivity().stream()
        .anyMatch(activity -> StandardInput.isMassage(activity.getDetail().getCode()));
  }

  /**
   * Reads a plan. Goals are either references {@code Goal/id} to goals the plan already has ({@code
   * existingGoal} finds them) or contained Goals ({@code #local}) that become new goals.
   */
  public static CarePlanData toDomain(
      CarePlan plan, Function<String, Optional<GoalData>> existingGoal) {
    if (plan.getIntent() != CarePlan.CarePlanIntent.PLAN) {
      throw new InvalidValueException(
          "CarePlan.intent", plan.getIntent() == null ? null : plan.getIntent().toCode(), "plan");
    }
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
    for (int i = 0; i < plan.getActivity().size(); i++) {
      String path = "CarePlan.activity[" + i + "]";
      CarePlanActivityComponent activity = plan.getActivity().get(i);
      CarePlanActivityDetailComponent detail = activity.getDetail();
      CodeableConcept code = detail.getCode();
      if (StandardInput.isMassage(code)) {
        phases.add(phase(detail, path + ".detail", phases.size(), sessions));
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
    if (factors == null) {
      throw new InvalidValueException(
          "CarePlan.extension('patient-factors')", null, "the patient factors (PLAN-13)");
    }
    BooleanType coManagement = Ext.value(plan, Extensions.CO_MANAGEMENT, BooleanType.class);
    StringType expectations = Ext.value(plan, Extensions.EXPECTATIONS, StringType.class);
    PlanContentData content =
        new PlanContentData(
            plan.getTitle(),
            factors(factors),
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
        author == null || author.isBlank() ? DEFAULT_AUTHOR : author);
  }

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

  private static PhaseData phase(
      CarePlanActivityDetailComponent detail, String path, int index, List<SessionData> sessions) {
    if (!detail.hasScheduledTiming()) {
      throw new InvalidValueException(path + ".scheduled[x]", null, "scheduledTiming (PLAN-2)");
    }
    Timing timing = detail.getScheduledTiming();
    Timing.TimingRepeatComponent repeat = timing.getRepeat();
    if (repeat.getPeriodUnit() != Timing.UnitsOfTime.WK
        || repeat.getDurationUnit() != Timing.UnitsOfTime.MIN
        || !repeat.hasBoundsPeriod()
        || repeat.getPeriod() == null
        || repeat.getDuration() == null) {
      throw new InvalidValueException(
          path + ".scheduledTiming.repeat",
          null,
          "frequency per period in weeks (periodUnit wk), duration in minutes (durationUnit min)"
              + " and boundsPeriod");
    }
    for (Extension planned : Ext.all(detail, Extensions.PLANNED_SESSION)) {
      DateTimeType startsAt = (DateTimeType) planned.getExtensionByUrl("startsAt").getValue();
      IntegerType minutes = (IntegerType) planned.getExtensionByUrl("minutes").getValue();
      sessions.add(
          new SessionData(
              FhirTime.offsetDateTime(path + ".extension('planned-session')", startsAt),
              minutes.getValue(),
              index));
    }
    Coding kind = Ext.value(detail, Extensions.PHASE_KIND, Coding.class);
    Set<Technique> techniques = EnumSet.noneOf(Technique.class);
    for (Extension technique : Ext.all(detail, Extensions.TECHNIQUE)) {
      techniques.add(
          Terminology.parse(
              Technique.class,
              path + ".extension('technique')",
              Ext.value(technique, Extensions.TECHNIQUE, Coding.class)));
    }
    Set<TargetRegion> regions = EnumSet.noneOf(TargetRegion.class);
    for (Extension region : Ext.all(detail, Extensions.TARGET_REGION)) {
      regions.add(
          Terminology.parse(
              TargetRegion.class,
              path + ".extension('target-region')",
              Ext.value(region, Extensions.TARGET_REGION, Coding.class)));
    }
    Period bounds = repeat.getBoundsPeriod();
    return new PhaseData(
        Terminology.parse(PhaseKind.class, path + ".extension('phase-kind')", kind),
        FhirTime.localDate(path + ".boundsPeriod.start", bounds.getStartElement()),
        FhirTime.localDate(path + ".boundsPeriod.end", bounds.getEndElement()),
        repeat.getFrequency(),
        repeat.getPeriod().intValue(),
        repeat.getDuration().intValue(),
        techniques,
        regions);
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
