package app.lumbra.safety.domain;

import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RecordIds;
import app.lumbra.shared.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SAFE-1: one red-flag screen of a care plan, recorded by a clinician before the first session and
 * at each reassessment: every {@link RedFlagItem} answered, the positive ones kept.
 *
 * <p>Rules: a screen is never changed; the newest screen of a plan is its current one. A positive
 * item means "refer for urgent medical assessment": the plan may not be activated and no session
 * booked while it is current ({@link SafetyRules#refuseIfPositive}).
 */
@Entity
@Table(name = "red_flag_screen")
public class RedFlagScreen {

  /** The referral every positive screen shows, before its reasons. */
  public static final String REFERRAL = "Refer for urgent medical assessment";

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "care_plan_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String carePlanId;

  @Column(name = "positive_items", nullable = false, length = 400)
  private String positiveItems;

  @Column(name = "note", length = 2000)
  private String note;

  @Column(name = "screened_at", nullable = false)
  private OffsetDateTime screenedAt;

  @Column(name = "screened_by", nullable = false, length = 200)
  private String screenedBy;

  protected RedFlagScreen() {}

  /** A screen of the plan with the items answered yes; an empty set is a clear screen. */
  public static RedFlagScreen record(
      String patientId,
      String carePlanId,
      Set<RedFlagItem> positive,
      String note,
      String author,
      Clock clock) {
    RedFlagScreen screen = new RedFlagScreen();
    screen.id = TimeOrderedIds.next();
    screen.patientId = RecordIds.check("patientId", patientId);
    screen.carePlanId = RecordIds.check("carePlanId", carePlanId);
    screen.positiveItems =
        Codes.toColumn(
            InvalidValueException.required("positiveItems", positive, "the items answered yes"));
    screen.note = Codes.text(note, 2000);
    screen.screenedBy = Codes.author(author);
    screen.screenedAt = OffsetDateTime.now(clock);
    return screen;
  }

  public boolean isPositive() {
    return !positiveItems.isBlank();
  }

  /**
   * SAFE-1: "refer for urgent medical assessment" with the suspected pathologies and the items
   * behind them, in clinical words; empty for a clear screen.
   */
  public Optional<String> referral() {
    if (!isPositive()) {
      return Optional.empty();
    }
    String reasons =
        positiveItems().stream()
            .collect(
                Collectors.groupingBy(
                    RedFlagItem::pathology,
                    () -> new EnumMap<>(SuspectedPathology.class),
                    Collectors.mapping(
                        item -> item.display().toLowerCase(Locale.ROOT), Collectors.joining(", "))))
            .entrySet()
            .stream()
            .map(entry -> entry.getKey().display() + " (" + entry.getValue() + ")")
            .collect(Collectors.joining("; "));
    return Optional.of(REFERRAL + ": " + reasons + ".");
  }

  public String id() {
    return id;
  }

  public String patientId() {
    return patientId;
  }

  public String carePlanId() {
    return carePlanId;
  }

  public EnumSet<RedFlagItem> positiveItems() {
    return Codes.fromColumn(positiveItems, RedFlagItem.class);
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public OffsetDateTime screenedAt() {
    return screenedAt;
  }

  public String screenedBy() {
    return screenedBy;
  }
}
