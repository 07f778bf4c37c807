package app.lumbra.alert.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** SAFE-4: the clinician has seen the alert; {@code note} says what they did about it. */
public record AcknowledgeAlert(
    @NotBlank String alertId, @NotBlank String author, @Size(max = 2000) String note) {}
