package app.lumbra.web.portal.safety;

import app.lumbra.careplan.application.CarePlanService;
import app.lumbra.careplan.application.CarePlanView;
import app.lumbra.patient.application.PatientService;
import app.lumbra.patient.application.PatientView;
import app.lumbra.safety.application.AdverseResponseView;
import app.lumbra.safety.application.ChecklistView;
import app.lumbra.safety.application.ContraindicationView;
import app.lumbra.safety.application.RecordAdverseResponse;
import app.lumbra.safety.application.RecordChecklist;
import app.lumbra.safety.application.RecordRedFlagScreen;
import app.lumbra.safety.application.RedFlagScreenView;
import app.lumbra.safety.application.SafetyService;
import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.safety.domain.Contraindication;
import app.lumbra.safety.domain.RedFlagItem;
import app.lumbra.safety.domain.Region;
import app.lumbra.session.application.SessionService;
import app.lumbra.session.application.SessionView;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.PortalForms;
import app.lumbra.web.portal.PortalTime;
import app.lumbra.web.portal.SubmitAccess;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The safety page of a plan: the red-flag screen before the first session and at each reassessment
 * (SAFE-1), the patient's contraindication checklist with what their Conditions add (SAFE-2), and
 * adverse responses after a session (SAFE-3).
 */
@Named
@ViewScoped
public class SafetyForms implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject SafetyService safety;
  @Inject CarePlanService plans;
  @Inject PatientService patients;
  @Inject SessionService sessions;
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject Clock clock;
  @Inject SubmitAccess access;

  private String planId;
  private CarePlanView plan;
  private PatientView patient;
  private RedFlagScreenView screen;
  private List<ContraindicationView> contraindications = List.of();
  private List<AdverseResponseView> responses = List.of();
  private List<SessionView> performed = List.of();

  private String[] positive = new String[0];
  private String screenNote;
  private String[] present = new String[0];
  private String[] lesionRegions = new String[0];
  private String[] confirmed = new String[0];
  private String checklistNote;
  private String adverseKind;
  private String adverseSession;
  private LocalDate noticedOn;
  private String adverseNote;

  public void load() {
    plan = plans.get(planId);
    patient = patients.get(plan.patientId());
    screen = safety.currentScreen(planId).orElse(null);
    contraindications = safety.contraindicationsOf(plan.patientId());
    responses = safety.adverseResponses(planId);
    performed = sessions.listForPlan(planId).stream().filter(s -> s.performedAt() != null).toList();
    Optional<ChecklistView> checklist = safety.checklist(plan.patientId());
    if (checklist.isPresent()) {
      present = names(checklist.get().present());
      lesionRegions = names(checklist.get().lesionRegions());
      confirmed = names(checklist.get().confirmed());
      checklistNote = checklist.get().note();
    }
    noticedOn = LocalDate.now(clock.withZone(PortalTime.zone()));
  }

  /** SAFE-1: records the screen with the items ticked (none ticked: a clear screen). */
  public void recordScreen() throws IOException {
    if (!access.mayChangePlan(planId)) {
      return;
    }
    FormErrors.attempt(
        faces,
        "screen",
        () -> {
          safety.recordScreen(
              new RecordRedFlagScreen(
                  planId, codes(RedFlagItem.class, positive), screenNote, author()));
          PortalForms.redirect(faces, "safety.xhtml?plan=" + planId);
        });
  }

  /** SAFE-2: saves the patient's checklist. */
  public void recordChecklist() throws IOException {
    if (!access.mayChangePatient(plan.patientId())) {
      return;
    }
    FormErrors.attempt(
        faces,
        "checklist",
        () -> {
          safety.recordChecklist(
              new RecordChecklist(
                  plan.patientId(),
                  codes(Contraindication.class, present),
                  codes(Region.class, lesionRegions),
                  codes(Contraindication.class, confirmed),
                  checklistNote,
                  author()));
          PortalForms.redirect(faces, "safety.xhtml?plan=" + planId);
        });
  }

  /** SAFE-3: records an adverse response after a session. */
  public void recordAdverseResponse() throws IOException {
    if (!access.mayChangePlan(planId)) {
      return;
    }
    if (adverseKind == null || adverseKind.isBlank()) {
      FormErrors.global(
          faces,
          "Adverse response: choose one of "
              + Arrays.stream(AdverseResponseKind.values())
                  .map(AdverseResponseKind::display)
                  .collect(Collectors.joining(", "))
              + ".");
      return;
    }
    FormErrors.attempt(
        faces,
        "adverse",
        () -> {
          safety.recordAdverseResponse(
              new RecordAdverseResponse(
                  planId,
                  adverseSession == null || adverseSession.isBlank() ? null : adverseSession,
                  AdverseResponseKind.fromCode(adverseKind),
                  noticedOn,
                  adverseNote,
                  author()));
          PortalForms.redirect(faces, "safety.xhtml?plan=" + planId);
        });
  }

  private String author() {
    return security.getCallerPrincipal().getName();
  }

  private static <E extends Enum<E>> Set<E> codes(Class<E> type, String[] names) {
    Set<E> codes = EnumSet.noneOf(type);
    if (names != null) {
      for (String name : names) {
        codes.add(Enum.valueOf(type, name));
      }
    }
    return codes;
  }

  private static String[] names(Set<? extends Enum<?>> codes) {
    return codes.stream().map(Enum::name).toArray(String[]::new);
  }

  public String pathologyItems(RedFlagScreenView view) {
    return view.positive().stream().map(RedFlagItem::display).collect(Collectors.joining(", "));
  }

  public String getPlanId() {
    return planId;
  }

  public void setPlanId(String planId) {
    this.planId = planId;
  }

  public CarePlanView getPlan() {
    return plan;
  }

  public PatientView getPatient() {
    return patient;
  }

  public RedFlagScreenView getScreen() {
    return screen;
  }

  public List<ContraindicationView> getContraindications() {
    return contraindications;
  }

  public List<AdverseResponseView> getResponses() {
    return responses;
  }

  public List<SessionView> getPerformed() {
    return performed;
  }

  public String[] getPositive() {
    return positive;
  }

  public void setPositive(String[] positive) {
    this.positive = positive;
  }

  public String getScreenNote() {
    return screenNote;
  }

  public void setScreenNote(String screenNote) {
    this.screenNote = screenNote;
  }

  public String[] getPresent() {
    return present;
  }

  public void setPresent(String[] present) {
    this.present = present;
  }

  public String[] getLesionRegions() {
    return lesionRegions;
  }

  public void setLesionRegions(String[] lesionRegions) {
    this.lesionRegions = lesionRegions;
  }

  public String[] getConfirmed() {
    return confirmed;
  }

  public void setConfirmed(String[] confirmed) {
    this.confirmed = confirmed;
  }

  public String getChecklistNote() {
    return checklistNote;
  }

  public void setChecklistNote(String checklistNote) {
    this.checklistNote = checklistNote;
  }

  public String getAdverseKind() {
    return adverseKind;
  }

  public void setAdverseKind(String adverseKind) {
    this.adverseKind = adverseKind;
  }

  public String getAdverseSession() {
    return adverseSession;
  }

  public void setAdverseSession(String adverseSession) {
    this.adverseSession = adverseSession;
  }

  public LocalDate getNoticedOn() {
    return noticedOn;
  }

  public void setNoticedOn(LocalDate noticedOn) {
    this.noticedOn = noticedOn;
  }

  public String getAdverseNote() {
    return adverseNote;
  }

  public void setAdverseNote(String adverseNote) {
    this.adverseNote = adverseNote;
  }
}
