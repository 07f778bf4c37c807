package app.lumbra.patient.application;

import app.lumbra.patient.domain.EhrIdentifier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An EHR identifier as it travels in commands and views: namespace {@code system} + value. */
public record IdentifierData(
    @NotBlank @Size(max = 255) String system, @NotBlank @Size(max = 255) String value) {

  static IdentifierData of(EhrIdentifier identifier) {
    return new IdentifierData(identifier.system(), identifier.value());
  }

  EhrIdentifier toDomain() {
    return EhrIdentifier.of(system, value);
  }
}
