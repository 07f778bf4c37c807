package app.lumbra.fhir.group;

import app.lumbra.cohort.application.CohortView;
import app.lumbra.cohort.application.SaveCohort;
import app.lumbra.fhir.support.FhirTime;
import app.lumbra.fhir.support.Refs;
import app.lumbra.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupMemberComponent;
import org.hl7.fhir.r4.model.Group.GroupType;
import org.hl7.fhir.r4.model.IdType;

/**
 * A cohort as a FHIR {@code Group}: {@code type} person, {@code actual} true, the optional {@code
 * name}, {@code quantity} (the number of members) and one {@code member.entity} per patient.
 * Anything else a Group is sent with (an identifier, a characteristic, a member's period) is kept
 * beside the list and given back (FHIR-1).
 */
public final class GroupFhirMapper {

  private GroupFhirMapper() {}

  public static Group toFhir(CohortView cohort) {
    Group group = new Group();
    group.setId(new IdType("Group", cohort.id(), Long.toString(cohort.version())));
    group.getMeta().setVersionId(Long.toString(cohort.version()));
    if (cohort.lastUpdated() != null) {
      group.getMeta().setLastUpdated(FhirTime.date(cohort.lastUpdated()));
    }
    group.setType(GroupType.PERSON);
    group.setActual(true);
    if (cohort.name() != null) {
      group.setName(cohort.name());
    }
    group.setQuantity(cohort.members().size());
    for (String patient : cohort.members()) {
      group.addMember(new GroupMemberComponent(Refs.to("Patient", patient)));
    }
    return group;
  }

  /**
   * The cohort a client's Group describes.
   *
   * @throws InvalidValueException naming the element for a Group that is not an actual list of
   *     persons, or a member that is not a reference to a Patient of this server
   */
  public static SaveCohort toCommand(Group group) {
    if (group.getType() != GroupType.PERSON) {
      throw new InvalidValueException(
          "Group.type", group.getTypeElement().getValueAsString(), "person: a list of patients");
    }
    if (!group.hasActual() || !group.getActual()) {
      throw new InvalidValueException(
          "Group.actual",
          group.hasActual() ? group.getActualElement().getValueAsString() : null,
          "true: the patients themselves, not a description of them");
    }
    List<String> members = new ArrayList<>();
    for (int i = 0; i < group.getMember().size(); i++) {
      members.add(
          Refs.required(
              "Group.member[" + i + "].entity", "Patient", group.getMember().get(i).getEntity()));
    }
    return new SaveCohort(group.getName(), members);
  }

  /** {@code members[i]}, as the use case names a member, as the Group element that holds it. */
  static String elementOf(String field) {
    return field.startsWith("members[") ? "Group.member" + field.substring(7) + ".entity" : field;
  }
}
