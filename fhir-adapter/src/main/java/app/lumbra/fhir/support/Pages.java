package app.lumbra.fhir.support;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR-3 paging without server-side state: each page is one database query with offset and limit,
 * and HAPI builds the {@code next} / {@code previous} links with {@code _offset} and {@code _count}
 * from the offset, page size and total given here.
 */
public final class Pages {

  private Pages() {}

  /** A page of matches, followed by the resources {@code _include} / {@code _revinclude} add. */
  public static IBundleProvider of(
      List<? extends IBaseResource> matches,
      List<? extends IAnyResource> included,
      int offset,
      int limit,
      long total) {
    List<IBaseResource> resources = new ArrayList<>(matches);
    for (IAnyResource resource : included) {
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource, BundleEntrySearchModeEnum.INCLUDE);
      resources.add(resource);
    }
    SimpleBundleProvider provider = new SimpleBundleProvider(resources);
    provider.setCurrentPageOffset(offset);
    provider.setCurrentPageSize(limit);
    provider.setSize((int) Math.min(total, Integer.MAX_VALUE));
    return provider;
  }

  /**
   * A page whose total was not counted ({@code _total=none}): the Bundle has no {@code total}, and
   * a full page links to the next one.
   */
  public static IBundleProvider uncounted(
      List<? extends IBaseResource> matches,
      List<? extends IAnyResource> included,
      int offset,
      int limit) {
    SimpleBundleProvider provider = (SimpleBundleProvider) of(matches, included, offset, limit, 0);
    provider.setSize(null);
    return provider;
  }

  /**
   * Marks versions for a history Bundle, whose entries need a request (bdl-3): version 1 was
   * created (POST), later versions updated (PUT).
   */
  public static <T extends IAnyResource> List<T> asHistory(List<T> versions) {
    for (T version : versions) {
      BundleEntryTransactionMethodEnum method =
          "1".equals(version.getIdElement().getVersionIdPart())
              ? BundleEntryTransactionMethodEnum.POST
              : BundleEntryTransactionMethodEnum.PUT;
      ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(version, method);
    }
    return versions;
  }

  /** A page of a type-level history. */
  public static IBundleProvider history(
      List<? extends IAnyResource> versions, int offset, int limit, long total) {
    return of(asHistory(new ArrayList<>(versions)), List.of(), offset, limit, total);
  }

  /** A whole, unpaged list, e.g. a history. */
  public static IBundleProvider all(List<? extends IBaseResource> resources) {
    return new SimpleBundleProvider(new ArrayList<>(resources));
  }
}
