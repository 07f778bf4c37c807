package app.lumbra.exchange.application;

import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Patient a partner writes: {@code id} the one it names (null: a new one), {@code matchBy} the
 * identifier of a conditional create or update (If-None-Exist, {@code Patient?identifier=}), {@code
 * careTeam} the team a patient it creates joins.
 */
public record PatientWrite(
    String id,
    Long expectedVersion,
    Identifier matchBy,
    @NotNull Statement patient,
    @NotNull Supplier<Optional<String>> careTeam,
    @NotNull PartnerDocument<PatientView> document) {

  /** One identifier, system and value. */
  public record Identifier(@NotNull String system, @NotNull String value) {}

  /** What the partner says of the patient, as the patient use cases take it. */
  public interface Statement {
    /** Registering the patient under {@code id}, or a new one when null. */
    RegisterPatient toRegister(String id);

    /** Updating patient {@code id} from version {@code expectedVersion}. */
    UpdatePatient toUpdate(String id, long expectedVersion);
  }
}
