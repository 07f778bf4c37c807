package app.lumbra.fhir.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lumbra.cohort.application.CohortView;
import app.lumbra.cohort.application.SaveCohort;
import app.lumbra.fhir.support.NothingDropped;
import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.context.FhirContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.hl7.fhir.r4.model.Group;
import org.junit.jupiter.api.Test;

/** A Group of patients as a cohort and back, against JSON as a client sends it. */
class GroupFhirMapperTest {

  private static Group parse(String json) {
    return FhirContext.forR4Cached().newJsonParser().parseResource(Group.class, json);
  }

  private static final String STUDY =
      """
      {"resourceType": "Group", "type": "person", "actual": true, "name": "Study A",
       "member": [{"entity": {"reference": "Patient/p-2"}},
                  {"entity": {"reference": "Patient/p-1"}}]}
      """;

  @Test
  void aGroupOfPersonsIsACohortOfItsMembersInOrder() {
    SaveCohort command = GroupFhirMapper.toCommand(parse(STUDY));

    assertThat(command.name()).isEqualTo("Study A");
    assertThat(command.members()).containsExactly("p-2", "p-1");
  }

  @Test
  void aCohortReadsBackAsTheGroupThatWasSentWithItsQuantity() {
    Group sent = parse(STUDY);
    SaveCohort command = GroupFhirMapper.toCommand(sent);
    Group read =
        GroupFhirMapper.toFhir(
            new CohortView(
                "study-a",
                3,
                command.name(),
                command.members(),
                OffsetDateTime.parse("2026-12-06T09:00:00Z")));

    assertThat(read.getIdElement().getIdPart()).isEqualTo("study-a");
    assertThat(read.getMeta().getVersionId()).isEqualTo("3");
    assertThat(read.getQuantity()).isEqualTo(2);
    assertThat(NothingDropped.dropped(sent, read)).isEmpty();
  }

  @Test
  void aMemberThatIsNotAPatientReferenceIsRefusedNamingItsEntity() {
    Group group = parse(STUDY.replace("Patient/p-1", "Practitioner/p-1"));

    assertThatThrownBy(() -> GroupFhirMapper.toCommand(group))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> assertThat(refused.field()).isEqualTo("Group.member[1].entity"));
  }

  @Test
  void aGroupThatIsNotAnActualListOfPersonsIsRefused() {
    assertThatThrownBy(() -> GroupFhirMapper.toCommand(parse(STUDY.replace("person", "device"))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> assertThat(refused.field()).isEqualTo("Group.type"));
    assertThatThrownBy(
            () ->
                GroupFhirMapper.toCommand(
                    parse(STUDY.replace("\"actual\": true", "\"actual\": false"))))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            refused -> assertThat(refused.field()).isEqualTo("Group.actual"));
  }

  @Test
  void fhir1WhatAGroupSaysBeyondItsListIsNoReasonToRefuseIt() {
    Group group =
        parse(
            STUDY.replace(
                "\"name\": \"Study A\",",
                "\"name\": \"Study A\", \"identifier\": [{\"system\": \"urn:x\", \"value\": \"1\"}],"));

    assertThat(GroupFhirMapper.toCommand(group).name()).isEqualTo("Study A");
  }

  @Test
  void theUseCasesMemberFieldIsNamedAsTheGroupElement() {
    assertThat(GroupFhirMapper.elementOf("members[3]")).isEqualTo("Group.member[3].entity");
    assertThat(GroupFhirMapper.elementOf("name")).isEqualTo("name");
  }

  @Test
  void anEmptyGroupIsAnEmptyList() {
    assertThat(
            GroupFhirMapper.toCommand(
                    parse("{\"resourceType\":\"Group\",\"type\":\"person\",\"actual\":true}"))
                .members())
        .isEqualTo(List.of());
  }
}
