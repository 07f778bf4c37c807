package app.lumbra.fhir.goal;

import app.lumbra.careplan.application.GoalData;
import app.lumbra.careplan.application.GoalView;
import app.lumbra.careplan.domain.GoalStatus;
import app.lumbra.fhir.support.Ext;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.shared.InvalidValueException;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A care plan's goal ⇄ FHIR {@code Goal} (FHIR-1): description, lifecycle status (achieved / not
 * achieved as {@code completed} with an achievement status), start date, and a target of pain NRS
 * (LOINC 72514-3) at most n by a due date. Goals live inside their care plan, named by the {@code
 * care-plan} extension.
 */
public final class GoalFhirMapper {

  /**
   * The elements the domain owns (FHIR-1 "keep"): the projection is their authority; everything
   * else a partner sends is kept as sent.
   */
  public static final Set<String> OWNED =
      Set.of(
          "extension",
          "lifecycleStatus",
          "achievementStatus",
          "description",
          "subject",
          "start",
          "target",
          "addresses");

  private static final String ALLOWED_STATUS =
      "proposed, active, cancelled, or completed with achievementStatus achieved / not-achieved";

  private GoalFhirMapper() {}

  public static Goal toFhir(GoalView view) {
    Goal goal = toFhir(view.goal(), view.patientId(), view.conditionId());
    goal.setIdElement(new IdType("Goal", view.goal().goalId(), Long.toString(view.planVersion())));
    goal.getMeta().setVersionId(Long.toString(view.planVersion()));
    goal.getMeta().setLastUpdated(FhirTime.date(view.planUpdatedAt()));
    goal.getMeta().addProfile(Terminology.US_CORE_GOAL);
    Ext.add(goal, Extensions.CARE_PLAN, Refs.to("CarePlan", view.carePlanId()));
    return goal;
  }

  /** The goal without its plan, as a CarePlan contains it. */
  public static Goal toFhir(GoalData data, String patientId, String conditionId) {
    Goal goal = new Goal();
    goal.setId(data.goalId());
    switch (data.status()) {
      case PROPOSED -> goal.setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED);
      case ACTIVE -> goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
      case CANCELLED -> goal.setLifecycleStatus(Goal.GoalLifecycleStatus.CANCELLED);
      case ACHIEVED, NOT_ACHIEVED -> {
        goal.setLifecycleStatus(Goal.GoalLifecycleStatus.COMPLETED);
        String code = data.status() == GoalStatus.ACHIEVED ? "achieved" : "not-achieved";
        goal.setAchievementStatus(
            new CodeableConcept(new Coding(Terminology.GOAL_ACHIEVEMENT, code, null)));
      }
    }
    goal.setDescription(new CodeableConcept().setText(data.description()));
    goal.setSubject(Refs.to("Patient", patientId));
    if (conditionId != null) {
      goal.addAddresses(Refs.to("Condition", conditionId));
    }
    goal.setStart(FhirTime.date(data.startDate()));
    if (data.targetPainAtMost() != null || data.dueDate() != null) {
      Goal.GoalTargetComponent target = goal.addTarget();
      if (data.targetPainAtMost() != null) {
        target.setMeasure(
            new CodeableConcept(new Coding(Terminology.LOINC, Terminology.LOINC_PAIN, null)));
        target.setDetail(
            new Quantity()
                .setValue(data.targetPainAtMost())
                .setComparator(Quantity.QuantityComparator.LESS_OR_EQUAL)
                .setUnit("{score}")
                .setSystem(Terminology.UCUM)
                .setCode("{score}"));
      }
      if (data.dueDate() != null) {
        target.setDue(FhirTime.date(data.dueDate()));
      }
    }
    return goal;
  }

  /** The goal a client sends; its id is kept when it names an existing goal of the plan. */
  public static GoalData toDomain(Goal goal, String goalId) {
    Integer painAtMost = null;
    if (goal.hasTarget()) {
      Goal.GoalTargetComponent target = goal.getTargetFirstRep();
      if (target.hasDetail()) {
        if (!Terminology.has(target.getMeasure(), Terminology.LOINC, Terminology.LOINC_PAIN)
            || !target.hasDetailQuantity()) {
          throw new InvalidValueException(
              "Goal.target[0].measure",
              target.getMeasure().getCodingFirstRep().getCode(),
              "LOINC " + Terminology.LOINC_PAIN + " with a detailQuantity <= n");
        }
        Quantity detail = target.getDetailQuantity();
        if (detail.getComparator() != Quantity.QuantityComparator.LESS_OR_EQUAL
            || detail.getValue() == null
            || detail.getValue().stripTrailingZeros().scale() > 0) {
          throw new InvalidValueException(
              "Goal.target[0].detailQuantity", detail.getValue(), "<= a whole pain score 0-10");
        }
        painAtMost = detail.getValue().intValueExact();
      }
      if (target.hasDue() && !target.hasDueDateType()) {
        throw new InvalidValueException(
            "Goal.target[0].due[x]", target.getDue().fhirType(), "dueDate");
      }
    }
    if (goal.hasStart() && !goal.hasStartDateType()) {
      throw new InvalidValueException("Goal.start[x]", goal.getStart().fhirType(), "startDate");
    }
    return new GoalData(
        goalId,
        goal.getDescription().getText(),
        painAtMost,
        goal.hasStartDateType()
            ? FhirTime.localDate("Goal.startDate", goal.getStartDateType())
            : null,
        goal.hasTarget() && goal.getTargetFirstRep().hasDueDateType()
            ? FhirTime.localDate(
                "Goal.target[0].dueDate", goal.getTargetFirstRep().getDueDateType())
            : null,
        status(goal));
  }

  private static GoalStatus status(Goal goal) {
    Goal.GoalLifecycleStatus status = goal.getLifecycleStatus();
    if (status == null) {
      throw new InvalidValueException("Goal.lifecycleStatus", null, ALLOWED_STATUS);
    }
    switch (status) {
      case PROPOSED:
        return GoalStatus.PROPOSED;
      case ACTIVE:
        return GoalStatus.ACTIVE;
      case CANCELLED:
        return GoalStatus.CANCELLED;
      case COMPLETED:
        if (Terminology.has(
            goal.getAchievementStatus(), Terminology.GOAL_ACHIEVEMENT, "achieved")) {
          return GoalStatus.ACHIEVED;
        }
        if (Terminology.has(
            goal.getAchievementStatus(), Terminology.GOAL_ACHIEVEMENT, "not-achieved")) {
          return GoalStatus.NOT_ACHIEVED;
        }
        break;
      default:
        break;
    }
    throw new InvalidValueException("Goal.lifecycleStatus", status.toCode(), ALLOWED_STATUS);
  }

  /** Names the plan that holds the goal. */
  public static void setCarePlan(Goal goal, String carePlanId) {
    Ext.add(goal, Extensions.CARE_PLAN, Refs.to("CarePlan", carePlanId));
  }

  /** The plan a goal names in its {@code care-plan} extension, or null. */
  public static String carePlanId(Goal goal) {
    Reference plan = Ext.value(goal, Extensions.CARE_PLAN, Reference.class);
    return plan == null ? null : Refs.id("Goal.extension('care-plan')", "CarePlan", plan);
  }
}
