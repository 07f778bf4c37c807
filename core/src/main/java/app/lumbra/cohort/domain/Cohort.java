package app.lumbra.cohort.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named list of patients exported together: the patients a study or a registry follows, which no
 * care team describes. Exchanged as a FHIR Group of persons.
 *
 * <p>Rules: the id is a FHIR id; the name is optional, at most 200 characters; the members are at
 * most {@value #MAX_MEMBERS} patient ids, each once, in the order given. That the members are
 * patients Lumbra knows is the application service's rule (it needs the patient registry).
 * Lifecycle: {@link #create created}, {@link #replace replaced} whole (a new version each time).
 */
@Entity
@Table(name = "cohort")
public class Cohort {

  /**
   * The most members one list holds: an export reads the member ids at once, so the list must stay
   * small beside the heap; larger populations are exported by care team or as all patients.
   */
  public static final int MAX_MEMBERS = 10_000;

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "name", length = 200)
  private String name;

  @ElementCollection
  @CollectionTable(name = "cohort_member", joinColumns = @JoinColumn(name = "cohort_id"))
  @OrderColumn(name = "position")
  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private List<String> members = new ArrayList<>();

  @Column(name = "last_updated", nullable = false)
  private OffsetDateTime lastUpdated;

  protected Cohort() {
    // for JPA
  }

  public static Cohort create(String id, String name, List<String> members, Clock clock) {
    Cohort cohort = new Cohort();
    cohort.id = RecordIds.check("id", id);
    cohort.replace(name, members, clock);
    return cohort;
  }

  /** Replaces the name and the members (an update sends the whole list). */
  public void replace(String name, List<String> members, Clock clock) {
    if (name != null && name.strip().length() > 200) {
      throw new InvalidValueException("name", name, "at most 200 characters, or none");
    }
    List<String> given = members == null ? List.of() : members;
    if (given.size() > MAX_MEMBERS) {
      throw new InvalidValueException(
          "members", given.size() + " patients", "at most " + MAX_MEMBERS + " patients");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String member = RecordIds.check("members[" + i + "]", given.get(i));
      if (!seen.add(member)) {
        throw new InvalidValueException(
            "members[" + i + "]", member, "each patient once (listed twice)");
      }
    }
    this.name = name == null || name.isBlank() ? null : name.strip();
    this.members.clear();
    this.members.addAll(given);
    this.lastUpdated = OffsetDateTime.now(clock);
  }

  public String id() {
    return id;
  }

  public long version() {
    return version;
  }

  /** The name; null when none was given. */
  public String name() {
    return name;
  }

  /** The patient ids, in the order given. */
  public List<String> members() {
    return List.copyOf(members);
  }

  public OffsetDateTime lastUpdated() {
    return lastUpdated;
  }
}
