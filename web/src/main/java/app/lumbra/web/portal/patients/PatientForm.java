package app.lumbra.web.portal.patients;

import app.lumbra.condition.application.ConditionService;
import app.lumbra.condition.application.ConditionView;
import app.lumbra.condition.domain.ConditionStatus;
import app.lumbra.condition.domain.OnsetType;
import app.lumbra.condition.domain.SeverityCategory;
import app.lumbra.condition.domain.StructuralCause;
import app.lumbra.intake.application.ConditionDetails;
import app.lumbra.intake.application.PatientIntake;
import app.lumbra.patient.application.IdentifierData;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.patient.application.RegisterPatient;
import app.lumbra.patient.application.UpdatePatient;
import app.lumbra.patient.domain.Gender;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.PortalSettings;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Create or edit a patient and their low-back-pain condition in one form. */
@Named
@ViewScoped
public class PatientForm implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "f";

  @Inject PatientService patients;
  @Inject SubmitAccess access;
  @Inject ConditionService conditions;
  @Inject PatientIntake intake;
  @Inject FacesContext faces;

  @Inject PortalSettings settings;

  private String id;
  private long version;
  private String familyName;
  private String givenNames;
  private LocalDate birthDate;
  private Gender gender;
  private String identifierSystem;
  private String identifierValue;
  private List<IdentifierData> otherIdentifiers = new ArrayList<>();

  private String conditionId;
  private long conditionVersion;
  private OnsetType onsetType;
  private LocalDate onsetDate;
  private Integer painScore;
  private SeverityCategory severity;
  private StructuralCause[] structuralCauses = {};
  private String note;

  private PatientView newer;

  /** Fills the form from the stored patient when editing one. */
  public void load() {
    identifierSystem = settings.identifierSystem();
    if (id == null || id.isBlank()) {
      return;
    }
    fill(patients.get(id));
  }

  private void fill(PatientView patient) {
    id = patient.id();
    version = patient.version();
    familyName = patient.familyName();
    givenNames = patient.givenNames();
    birthDate = patient.birthDate();
    gender = patient.gender();
    otherIdentifiers = new ArrayList<>(patient.identifiers());
    identifierValue = null;
    if (!otherIdentifiers.isEmpty()) {
      IdentifierData first = otherIdentifiers.remove(0);
      identifierSystem = first.system();
      identifierValue = first.value();
    }
    conditions.listForPatient(patient.id()).stream()
        .filter(c -> c.status() == ConditionStatus.ACTIVE)
        .findFirst()
        .ifPresent(this::fill);
  }

  private void fill(ConditionView condition) {
    conditionId = condition.id();
    conditionVersion = condition.version();
    onsetType = condition.onsetType();
    onsetDate = condition.onsetDate();
    painScore = condition.painScore();
    severity = condition.severity();
    structuralCauses = condition.structuralCauses().toArray(StructuralCause[]::new);
    note = condition.note();
  }

  public void save() throws IOException {
    if (!access.mayChangePatient(id)) {
      return;
    }
    List<IdentifierData> identifiers = new ArrayList<>();
    if (identifierValue != null && !identifierValue.isBlank()) {
      identifiers.add(new IdentifierData(identifierSystem.strip(), identifierValue.strip()));
    }
    identifiers.addAll(otherIdentifiers);
    ConditionDetails condition =
        new ConditionDetails(
            onsetType,
            onsetDate,
            painScore,
            severity,
            PortalForms.enumSet(StructuralCause.class, structuralCauses),
            note == null || note.isBlank() ? null : note.strip());
    FormErrors.attempt(
        faces,
        FORM,
        () -> {
          PatientView saved =
              id == null || id.isBlank()
                  ? intake.register(
                      new RegisterPatient(identifiers, familyName, givenNames, birthDate, gender),
                      condition,
                      faces.getExternalContext().getRemoteUser())
                  : intake.update(
                      new UpdatePatient(
                          id, version, identifiers, familyName, givenNames, birthDate, gender),
                      conditionId,
                      conditionVersion,
                      condition);
          faces
              .getExternalContext()
              .redirect(
                  faces.getExternalContext().getRequestContextPath()
                      + "/portal/chart.xhtml?patient="
                      + saved.id());
        },
        () -> newer = patients.get(id));
  }

  /** After a conflict: replace the form with the newer stored version. */
  public void loadNewer() throws IOException {
    if (!access.mayChangePatient(id)) {
      return;
    }
    fill(patients.get(id));
    newer = null;
  }

  public boolean isEditing() {
    return id != null && !id.isBlank();
  }

  public Gender[] getGenders() {
    return Gender.values();
  }

  public OnsetType[] getOnsetTypes() {
    return OnsetType.values();
  }

  public SeverityCategory[] getSeverities() {
    return SeverityCategory.values();
  }

  public StructuralCause[] getCauses() {
    return StructuralCause.values();
  }

  public PatientView getNewer() {
    return newer;
  }

  public List<IdentifierData> getOtherIdentifiers() {
    return otherIdentifiers;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(String familyName) {
    this.familyName = familyName;
  }

  public String getGivenNames() {
    return givenNames;
  }

  public void setGivenNames(String givenNames) {
    this.givenNames = givenNames;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public Gender getGender() {
    return gender;
  }

  public void setGender(Gender gender) {
    this.gender = gender;
  }

  public String getIdentifierSystem() {
    return identifierSystem;
  }

  public void setIdentifierSystem(String identifierSystem) {
    this.identifierSystem = identifierSystem;
  }

  public String getIdentifierValue() {
    return identifierValue;
  }

  public void setIdentifierValue(String identifierValue) {
    this.identifierValue = identifierValue;
  }

  public OnsetType getOnsetType() {
    return onsetType;
  }

  public void setOnsetType(OnsetType onsetType) {
    this.onsetType = onsetType;
  }

  public LocalDate getOnsetDate() {
    return onsetDate;
  }

  public void setOnsetDate(LocalDate onsetDate) {
    this.onsetDate = onsetDate;
  }

  public Integer getPainScore() {
    return painScore;
  }

  public void setPainScore(Integer painScore) {
    this.painScore = painScore;
  }

  public SeverityCategory getSeverity() {
    return severity;
  }

  public void setSeverity(SeverityCategory severity) {
    this.severity = severity;
  }

  public StructuralCause[] getStructuralCauses() {
    return structuralCauses;
  }

  public void setStructuralCauses(StructuralCause[] structuralCauses) {
    this.structuralCauses = structuralCauses == null ? new StructuralCause[0] : structuralCauses;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
