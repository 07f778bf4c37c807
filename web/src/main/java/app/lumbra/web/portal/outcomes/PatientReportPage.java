package app.lumbra.web.portal.outcomes;

import app.lumbra.safety.domain.AdverseResponseKind;
import app.lumbra.selfreport.application.ReportForm;
import app.lumbra.selfreport.application.SelfReportService;
import app.lumbra.selfreport.application.SubmitSelfReport;
import app.lumbra.shared.DomainException;
import app.lumbra.web.portal.FormErrors;
import app.lumbra.web.portal.Labels;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The patient's own page (OUT-5), reached through the personal link the clinician sent: today's
 * pain, a function questionnaire's total, home care done, pain medication and an adverse response.
 * It shows nothing of the record but the plan's title and tasks; an expired link shows why.
 */
@Named
@ViewScoped
public class PatientReportPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "report";

  @Inject SelfReportService reports;
  @Inject FacesContext faces;
  @Inject Labels labels;

  private String token;
  private ReportForm form;
  private String refusal;
  private boolean sent;
  private final PainAndFunction scores = new PainAndFunction(null);
  private String[] done = new String[0];
  private Integer medicationDoses;
  private String adverseResponse;
  private String note;

  public void load() {
    if (form != null) {
      return;
    }
    try {
      form = reports.open(token == null ? "" : token);
    } catch (DomainException refused) {
      refusal = refused.getMessage().replaceFirst("^[A-Z]+-\\d+ \\([a-zA-Z]+\\): ", "");
    }
  }

  public void submit() throws IOException {
    FormErrors.attempt(
        faces,
        FORM,
        PainAndFunction.SCORE_INPUT,
        () -> {
          reports.submit(
              new SubmitSelfReport(
                  token,
                  scores.getPain(),
                  scores.getFunctionMeasure(),
                  scores.getFunctionScore(),
                  Set.copyOf(Arrays.asList(done)),
                  medicationDoses,
                  adverseResponse == null || adverseResponse.isBlank()
                      ? null
                      : AdverseResponseKind.valueOf(adverseResponse),
                  note));
          sent = true;
        });
  }

  public List<SelectItem> getTaskItems() {
    List<SelectItem> items = new ArrayList<>();
    if (form != null) {
      for (ReportForm.Task task : form.tasks()) {
        items.add(
            new SelectItem(task.taskId(), labels.of(task.kind()) + ": " + task.instructions()));
      }
    }
    return items;
  }

  public List<SelectItem> getFunctionMeasures() {
    return PainAndFunction.measures(false);
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public ReportForm getForm() {
    return form;
  }

  public String getRefusal() {
    return refusal;
  }

  public boolean isSent() {
    return sent;
  }

  public PainAndFunction getScores() {
    return scores;
  }

  public String[] getDone() {
    return done;
  }

  public void setDone(String[] done) {
    this.done = done == null ? new String[0] : done;
  }

  public Integer getMedicationDoses() {
    return medicationDoses;
  }

  public void setMedicationDoses(Integer medicationDoses) {
    this.medicationDoses = medicationDoses;
  }

  public String getAdverseResponse() {
    return adverseResponse;
  }

  public void setAdverseResponse(String adverseResponse) {
    this.adverseResponse = adverseResponse;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
