package app.lumbra.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.fhir.careplan.CarePlanFhirMapper;
import app.lumbra.fhir.condition.ConditionFhirMapper;
import app.lumbra.fhir.goal.GoalFhirMapper;
import app.lumbra.fhir.observation.ObservationFhirMapper;
import app.lumbra.fhir.patient.PatientFhirMapper;
import app.lumbra.fhir.procedure.ProcedureFhirMapper;
import app.lumbra.fhir.support.NothingDropped;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FHIR-1, exhaustively: the resource a client sent is compared with the one the server returns for
 * it, and every element that would be lost is named, at any depth, in any extension.
 */
class NothingDroppedTest {

  private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

  @SuppressWarnings("unchecked")
  private static <T extends Resource> T overTheWire(T resource) {
    return (T) JSON.parseResource(resource.getClass(), JSON.encodeResourceToString(resource));
  }

  static Stream<Resource> everyTypeAsTheServerReturnsIt() {
    return Stream.of(
        PatientFhirMapper.toFhir(FhirViews.patient()),
        ConditionFhirMapper.toFhir(FhirViews.chronicWithHerniation()),
        CarePlanFhirMapper.toFhir(FhirViews.activePlan()),
        GoalFhirMapper.toFhir(FhirViews.goalView()),
        ProcedureFhirMapper.toFhir(FhirViews.attendedSession()),
        ObservationFhirMapper.toFhir(FhirViews.prePainOfSession()));
  }

  @ParameterizedTest
  @MethodSource("everyTypeAsTheServerReturnsIt")
  void whatTheServerReturnsCanBeSentBackWithNothingLost(Resource returned) {
    assertThat(NothingDropped.dropped(overTheWire(returned), returned)).isEmpty();
  }

  @Test
  void nestedPatientElementsAndExtensionsAreNamedWherever() {
    Patient returned = PatientFhirMapper.toFhir(FhirViews.patient());
    Patient sent = overTheWire(returned);
    sent.getIdentifierFirstRep().getPeriod().setStart(new Date());
    sent.getNameFirstRep().addExtension("https://ehr.example/name-source", new StringType("x"));
    sent.getBirthDateElement()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
            new DateTimeType("1980-05-17T06:30:00+01:00"));
    sent.addContact().addTelecom().setValue("+31 6 1234 5678");

    assertThat(NothingDropped.dropped(sent, returned))
        .containsExactly(
            "Patient.identifier[0].period",
            "Patient.name[0].extension('https://ehr.example/name-source')",
            "Patient.birthDate.extension('http://hl7.org/fhir/StructureDefinition/patient-birthTime')",
            "Patient.contact");
  }

  @Test
  void aPhaseDailyAmountDeepInACarePlanIsNamed() {
    CarePlan returned = CarePlanFhirMapper.toFhir(FhirViews.activePlan());
    CarePlan sent = overTheWire(returned);
    sent.getActivityFirstRep().getDetail().setDailyAmount(new Quantity(2));

    assertThat(NothingDropped.dropped(sent, returned))
        .containsExactly("CarePlan.activity[0].detail.dailyAmount");
  }

  @Test
  void aChangedValueOrAComparatorIsNamedAsLost() {
    Observation returned = ObservationFhirMapper.toFhir(FhirViews.prePainOfSession());
    Observation sent = overTheWire(returned);
    sent.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);
    sent.getCode().getCodingFirstRep().setVersion("2.76");

    assertThat(NothingDropped.dropped(sent, returned))
        .containsExactly(
            "Observation.code.coding[0].version", "Observation.valueQuantity.comparator");
  }

  @Test
  void nestedProcedureConditionAndGoalElementsAreNamed() {
    Procedure procedure = ProcedureFhirMapper.toFhir(FhirViews.attendedSession());
    Procedure sentProcedure = overTheWire(procedure);
    sentProcedure.getBodySiteFirstRep().getCodingFirstRep().setUserSelected(true);
    assertThat(NothingDropped.dropped(sentProcedure, procedure))
        .containsExactly("Procedure.bodySite[0].coding[0].userSelected");

    Condition condition = ConditionFhirMapper.toFhir(FhirViews.chronicWithHerniation());
    Condition sentCondition = overTheWire(condition);
    sentCondition.getCode().addExtension("https://ehr.example/certainty", new StringType("high"));
    assertThat(NothingDropped.dropped(sentCondition, condition))
        .containsExactly("Condition.code.extension('https://ehr.example/certainty')");

    Goal goal = GoalFhirMapper.toFhir(FhirViews.goalView());
    Goal sentGoal = overTheWire(goal);
    sentGoal
        .getTargetFirstRep()
        .getDetailQuantity()
        .setComparator(Quantity.QuantityComparator.GREATER_THAN);
    assertThat(NothingDropped.dropped(sentGoal, goal))
        .containsExactly("Goal.target[0].detailQuantity.comparator");
  }

  @Test
  void theSameInstantInAnotherOffsetAndAnotherCodingDisplayAreNotLosses() {
    Observation returned = ObservationFhirMapper.toFhir(FhirViews.prePainOfSession());
    Observation sent = overTheWire(returned);
    DateTimeType effective = sent.getEffectiveDateTimeType();
    sent.setEffective(
        new DateTimeType(
            effective.getValue(), effective.getPrecision(), TimeZone.getTimeZone("UTC")));
    sent.getCode().getCodingFirstRep().setDisplay("Pain severity 0-10");
    sent.getValueQuantity().setValue(new BigDecimal("7.0"));

    assertThat(NothingDropped.dropped(sent, returned)).isEmpty();
  }

  @Test
  void droppedNamesTheOutermostLostElementOfEach() {
    Patient returned = PatientFhirMapper.toFhir(FhirViews.patient());
    Patient sent = overTheWire(returned);
    sent.addContact().addTelecom().setValue("+31 6 1234 5678");
    sent.getNameFirstRep().setPrefix(List.of(new StringType("Dr.")));

    assertThat(NothingDropped.dropped(sent, returned))
        .containsExactly("Patient.name[0].prefix", "Patient.contact");
  }
}
