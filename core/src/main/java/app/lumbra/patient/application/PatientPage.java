package app.lumbra.patient.application;

import java.util.List;

/** One page of a patient search: the patients, where the page starts and how many match. */
public record PatientPage(List<PatientView> patients, int offset, int limit, long total) {

  public PatientPage {
    patients = List.copyOf(patients);
  }

  public boolean hasNext() {
    return offset + patients.size() < total;
  }
}
