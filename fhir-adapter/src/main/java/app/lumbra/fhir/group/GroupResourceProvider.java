package app.lumbra.fhir.group;

import app.lumbra.cohort.application.CohortPage;
import app.lumbra.cohort.application.CohortService;
import app.lumbra.cohort.application.CohortView;
import app.lumbra.cohort.application.SaveCohort;
import app.lumbra.exchange.application.GroupExchange;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Versions;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;

/**
 * FHIR {@code Group} of persons (a cohort): create, update (update-as-create under the client's id,
 * If-Match), read and search by {@code _id}. A member that is not a patient of Lumbra is 422 naming
 * {@code Group.member[i].entity}; nothing is stored. What a Group says beyond its list (an
 * identifier, a characteristic) is kept and given back (FHIR-1). Care teams are groups for {@code
 * $export} too, but are not served as Group resources.
 */
@ApplicationScoped
public class GroupResourceProvider implements IResourceProvider {

  /** What the domain says of a list, over whatever the partner sent with it. */
  private static final Set<String> OWNED = Set.of("type", "actual", "name", "quantity", "member");

  private CohortService cohorts;
  private GroupExchange exchange;
  private KeptResources kept;
  private FhirSettings settings;

  /** For the CDI proxy only. */
  protected GroupResourceProvider() {}

  @Inject
  public GroupResourceProvider(
      CohortService cohorts, GroupExchange exchange, KeptResources kept, FhirSettings settings) {
    this.cohorts = cohorts;
    this.exchange = exchange;
    this.kept = kept;
    this.settings = settings;
  }

  @Override
  public Class<Group> getResourceType() {
    return Group.class;
  }

  @Read
  public Group read(@IdParam IdType id) {
    return kept.read(GroupFhirMapper.toFhir(cohorts.get(id.getIdPart())), OWNED);
  }

  @Create
  public MethodOutcome create(@ResourceParam Group resource) {
    return write(null, null, resource);
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Group resource) {
    return write(id.getIdPart(), Versions.expected(id), resource);
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
      @Count Integer count,
      @Offset Integer offset) {
    int limit = settings.pageSize(count);
    int from = settings.offset(offset);
    CohortPage page = cohorts.search(id == null ? null : id.getValue(), from, limit);
    List<Group> groups =
        kept.read(page.cohorts().stream().map(GroupFhirMapper::toFhir).toList(), OWNED);
    return Pages.of(groups, List.of(), from, limit, page.total());
  }

  /** The write; its refusals name the Group's elements, not the use case's fields. */
  private MethodOutcome write(String id, Long expectedVersion, Group sent) {
    MustUnderstand.check(sent);
    SaveCohort list = GroupFhirMapper.toCommand(sent);
    KeptResources.Answer<CohortView, Group> answer =
        KeptResources.answering(sent, GroupFhirMapper::toFhir, Set.of("quantity"));
    try {
      Written<CohortView> written = exchange.write(id, expectedVersion, list, answer);
      CohortView cohort = written.record();
      return new MethodOutcome(
              new IdType("Group", cohort.id(), Long.toString(cohort.version())), written.created())
          .setResource(answer.resource(cohort));
    } catch (RuleViolationException refused) {
      throw refused.at(GroupFhirMapper.elementOf(refused.field()));
    } catch (InvalidValueException refused) {
      // The refusal quotes the value it names; it is named again, not quoted twice.
      throw new InvalidValueException(
          GroupFhirMapper.elementOf(refused.field()),
          refused.rejected().replaceAll("^'|'$", ""),
          refused.allowed());
    }
  }
}
