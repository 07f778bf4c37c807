package app.lumbra.safety.application;

import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.ContraindicationChecklist;
import app.lumbra.safety.domain.Region;
import java.time.OffsetDateTime;
import java.util.Set;

/** SAFE-2: the current checklist of a patient. */
public record ChecklistView(
    String id,
    String patientId,
    Set<Contraindication> present,
    Set<Region> lesionRegions,
    Set<Contraindication> confirmed,
    String note,
    OffsetDateTime recordedAt,
    String recordedBy) {

  static ChecklistView of(ContraindicationChecklist checklist) {
    return new ChecklistView(
        checklist.id(),
        checklist.patientId(),
        checklist.present(),
        checklist.lesionRegions(),
        checklist.confirmed(),
        checklist.note().orElse(null),
        checklist.recordedAt(),
        checklist.recordedBy());
  }
}
