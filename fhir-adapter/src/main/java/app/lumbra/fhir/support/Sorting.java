package app.lumbra.fhir.support;

import app.lumbra.shared.InvalidValueException;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import java.util.List;
import java.util.Map;

/**
 * FHIR-3 {@code _sort}: the search parameters each resource type sorts by, ascending ({@code
 * _sort=date}) or descending ({@code _sort=-date}), each as a database ORDER BY with the id as the
 * tie-breaker. The CapabilityStatement lists the same values.
 */
public final class Sorting {

  /** Sortable search parameters per resource type. */
  public static final Map<String, List<String>> SORTABLE =
      Map.of(
          "Patient", List.of("name", "family", "birthdate", "_lastUpdated"),
          "Condition", List.of("onset-date", "recorded-date", "_lastUpdated"),
          "CarePlan", List.of("date", "status", "_lastUpdated"),
          "Goal", List.of("start-date", "target-date", "lifecycle-status"),
          "Procedure", List.of("date", "status", "_lastUpdated"),
          "Observation", List.of("date", "_lastUpdated"));

  private Sorting() {}

  /**
   * The sort the client asked for as {@code name} or {@code -name} (descending), or null for none.
   *
   * @throws InvalidValueException (400) for a parameter the type does not sort by, or for more than
   *     one, naming the allowed values
   */
  public static String of(String resourceType, SortSpec sort) {
    if (sort == null) {
      return null;
    }
    List<String> allowed = SORTABLE.get(resourceType);
    String name = sort.getParamName();
    if (sort.getChain() != null || !allowed.contains(name)) {
      String asked = sort.getChain() != null ? name + "," + sort.getChain().getParamName() : name;
      throw new InvalidValueException("_sort", asked, allowedValues(resourceType));
    }
    return sort.getOrder() == SortOrderEnum.DESC ? "-" + name : name;
  }

  /**
   * The allowed {@code _sort} values of a type, as the CapabilityStatement and errors name them.
   */
  public static String allowedValues(String resourceType) {
    List<String> allowed = SORTABLE.get(resourceType);
    return "one of "
        + String.join(", ", allowed)
        + ", each with - in front for descending (one sort key)";
  }
}
