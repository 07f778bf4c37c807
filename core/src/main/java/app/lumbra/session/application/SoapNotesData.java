package app.lumbra.session.application;

import app.lumbra.session.domain.SoapNotes;
import jakarta.validation.constraints.Size;

/** SOAP notes of a session; every part is optional. */
public record SoapNotesData(
    @Size(max = SoapNotes.MAX_LENGTH) String subjective,
    @Size(max = SoapNotes.MAX_LENGTH) String objective,
    @Size(max = SoapNotes.MAX_LENGTH) String assessment,
    @Size(max = SoapNotes.MAX_LENGTH) String plan) {

  public static SoapNotesData none() {
    return new SoapNotesData(null, null, null, null);
  }

  SoapNotes toDomain() {
    return SoapNotes.of(subjective, objective, assessment, plan);
  }

  static SoapNotesData of(SoapNotes notes) {
    return new SoapNotesData(
        notes.subjective().orElse(null),
        notes.objective().orElse(null),
        notes.assessment().orElse(null),
        notes.plan().orElse(null));
  }
}
