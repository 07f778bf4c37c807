package app.lumbra.intake.application;

import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import java.time.LocalDate;
import java.util.Set;

/** The low-back-pain condition as it is entered with the patient. */
public record ConditionDetails(
    OnsetType onsetType,
    LocalDate onsetDate,
    Integer painScore,
    SeverityCategory severity,
    Set<StructuralCause> structuralCauses,
    String note) {}
