package app.lumbra.condition.application;

import app.lumbra.condition.domain.StructuralCause;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Records that the patient's record holds a structural cause of back pain as a problem of its own
 * (PLAN-11, FHIR-6), e.g. an EHR Condition coded as a lumbar disc disorder. {@code id} is that
 * record's id (FHIR-8), null for a fresh one. The boundary decides the cause from the codes.
 */
public record RecordStructuralFinding(
    @Size(max = 64) String id, @NotBlank String patientId, @NotNull StructuralCause cause) {}
