package app.lumbra.fhir.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * HAPI's R4 Bundle factory, without its search for resources to add. Before adding each resource,
 * HAPI walks all of its elements, with their paths, looking for references that carry a resource
 * object ({@code Reference.resource}) and adds those resources as includes. Lumbra's mappers write
 * references as {@code Type/id} only, and {@code _include} results come from the providers already
 * marked as includes ({@link Pages#of}), so the walk never found anything; in the profile of an
 * Observation search it was about a tenth of the server's CPU and a quarter of what the request
 * allocated.
 *
 * <p>Resources with contained resources (whose references HAPI's parser may link to them), and
 * anything that is not a plain resource, still go through HAPI's own factory. The entries are
 * otherwise built as HAPI 8.8's {@code R4BundleFactory} builds them: full URL, request, response
 * status and ETag for history and batch / transaction responses, search mode and score.
 */
final class ResultBundleFactory extends R4BundleFactory {

  private final FhirContext context;
  private String serverBase;

  ResultBundleFactory(FhirContext context) {
    super(context);
    this.context = context;
  }

  @Override
  public void addRootPropertiesToBundle(
      String id, BundleLinks links, Integer totalResults, IPrimitiveType<Date> lastUpdated) {
    serverBase = links.serverBase;
    super.addRootPropertiesToBundle(id, links, totalResults, lastUpdated);
  }

  @Override
  public void addResourcesToBundle(
      List<IBaseResource> resources,
      BundleTypeEnum bundleType,
      String base,
      BundleInclusionRule inclusionRule,
      Set<Include> includes) {
    Bundle bundle = (Bundle) getResourceBundle();
    if (bundle == null || !resources.stream().allMatch(ResultBundleFactory::holdsNoResources)) {
      super.addResourcesToBundle(resources, bundleType, base, inclusionRule, includes);
      return;
    }
    for (IBaseResource resource : resources) {
      add(bundle, (DomainResource) resource, bundleType);
    }
  }

  /** A resource whose references cannot carry resource objects Lumbra did not put there. */
  private static boolean holdsNoResources(IBaseResource resource) {
    return resource instanceof DomainResource domain && domain.getContained().isEmpty();
  }

  private void add(Bundle bundle, DomainResource resource, BundleTypeEnum bundleType) {
    BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    IIdType id = fullUrl(resource, entry);
    BundleEntryTransactionMethodEnum method =
        ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.get(resource);
    if (method != null) {
      entry.getRequest().getMethodElement().setValueAsString(method.name());
      if (id != null) {
        entry.getRequest().setUrl(id.toUnqualified().getValue());
      }
    }
    if (BundleEntryTransactionMethodEnum.DELETE.equals(method)) {
      entry.setResource(null);
    }
    boolean withResponse =
        bundleType == BundleTypeEnum.BATCH_RESPONSE
            || bundleType == BundleTypeEnum.TRANSACTION_RESPONSE
            || bundleType == BundleTypeEnum.HISTORY;
    if (withResponse && id != null) {
      String version = id.getVersionIdPart();
      if ("1".equals(version)) {
        entry.getResponse().setStatus("201 Created");
      } else if (version != null && !version.isBlank()) {
        entry.getResponse().setStatus("200 OK");
      }
      if (version != null && !version.isBlank()) {
        entry.getResponse().setEtag(RestfulServerUtils.createEtag(version));
      }
    }
    BundleEntrySearchModeEnum searchMode = ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(resource);
    if (searchMode != null) {
      entry.getSearch().getModeElement().setValueAsString(searchMode.getCode());
    }
    BigDecimal score = ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.get(resource);
    if (score != null) {
      entry.getSearch().getScoreElement().setValue(score);
    }
  }

  /** The entry's full URL, versionless, on the server base; the id it was built from, or null. */
  private IIdType fullUrl(IBaseResource resource, BundleEntryComponent entry) {
    IIdType id = resource.getIdElement();
    if (id.hasBaseUrl()) {
      entry.setFullUrl(id.toVersionless().getValue());
      return id;
    }
    if (serverBase != null && !serverBase.isBlank() && id.hasIdPart()) {
      IIdType onServer = id.withServerBase(serverBase, context.getResourceType(resource));
      entry.setFullUrl(onServer.toVersionless().getValue());
      return onServer;
    }
    return null;
  }
}
