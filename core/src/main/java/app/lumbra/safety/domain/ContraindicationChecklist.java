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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SAFE-2: the clinician's contraindication checklist of a patient: which contraindications are
 * present, the regions a skin lesion is on, and which precautions the clinician has confirmed
 * (treatment is appropriate despite them).
 *
 * <p>Rules: a skin lesion ticked without a region needs one before the plan is activated; a
 * confirmation applies to precautions (and to a coded skin lesion's region) only. Each save is a
 * new checklist; the newest is current.
 */
@Entity
@Table(name = "contraindication_checklist")
public class ContraindicationChecklist {

  public static final String SOURCE = "clinician's checklist";

  @Id
  @Column(name = "id", length = RecordIds.MAX_LENGTH)
  private String id;

  @Column(name = "patient_id", nullable = false, length = RecordIds.MAX_LENGTH)
  private String patientId;

  @Column(name = "present", nullable = false, length = 400)
  private String present;

  @Column(name = "lesion_regions", nullable = false, length = 200)
  private String lesionRegions;

  @Column(name = "confirmed", nullable = false, length = 400)
  private String confirmed;

  @Column(name = "note", length = 2000)
  private String note;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "recorded_by", nullable = false, length = 200)
  private String recordedBy;

  protected ContraindicationChecklist() {}

  public static ContraindicationChecklist record(
      String patientId,
      Set<Contraindication> present,
      Set<Region> lesionRegions,
      Set<Contraindication> confirmed,
      String note,
      String author,
      Clock clock) {
    Set<Contraindication> ticked =
        InvalidValueException.required(Contraindication.FIELD, present, "the contraindications");
    Set<Region> regions = lesionRegions == null ? Set.of() : lesionRegions;
    if (!regions.isEmpty() && !ticked.contains(Contraindication.SKIN_LESION)) {
      throw new InvalidValueException(
          Region.FIELD, regions, "no regions unless a skin lesion, infection or wound is ticked");
    }
    ContraindicationChecklist checklist = new ContraindicationChecklist();
    checklist.id = TimeOrderedIds.next();
    checklist.patientId = RecordIds.check("patientId", patientId);
    checklist.present = Codes.toColumn(ticked);
    checklist.lesionRegions = Codes.toColumn(regions);
    checklist.confirmed = Codes.toColumn(confirmed == null ? Set.of() : confirmed);
    checklist.note = Codes.text(note, 2000);
    checklist.recordedBy = Codes.author(author);
    checklist.recordedAt = OffsetDateTime.now(clock);
    return checklist;
  }

  /** What the checklist says the patient has, as findings. */
  public List<ContraindicationFinding> findings() {
    List<ContraindicationFinding> findings = new ArrayList<>();
    EnumSet<Contraindication> confirmations = confirmed();
    for (Contraindication item : present()) {
      findings.add(
          new ContraindicationFinding(
              item,
              item == Contraindication.SKIN_LESION ? lesionRegions() : Set.of(),
              SOURCE,
              confirmations.contains(item)));
    }
    return findings;
  }

  public String id() {
    return id;
  }

  public String patientId() {
    return patientId;
  }

  public EnumSet<Contraindication> present() {
    return Codes.fromColumn(present, Contraindication.class);
  }

  public EnumSet<Region> lesionRegions() {
    return Codes.fromColumn(lesionRegions, Region.class);
  }

  public EnumSet<Contraindication> confirmed() {
    return Codes.fromColumn(confirmed, Contraindication.class);
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
