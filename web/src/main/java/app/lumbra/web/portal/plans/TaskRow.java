package app.lumbra.web.portal.plans;

import app.lumbra.careplan.application.HomeCareTaskData;
import app.lumbra.careplan.domain.HomeCareKind;
import java.io.Serializable;

/** One home-care task as the form edits it (PLAN-9). */
public class TaskRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String taskId;
  private HomeCareKind kind;
  private String instructions;

  static TaskRow of(HomeCareTaskData data) {
    TaskRow row = new TaskRow();
    row.taskId = data.taskId();
    row.kind = data.kind();
    row.instructions = data.instructions();
    return row;
  }

  HomeCareTaskData toData() {
    return new HomeCareTaskData(taskId, kind, instructions);
  }

  public HomeCareKind getKind() {
    return kind;
  }

  public String getInstructions() {
    return instructions;
  }

  public void setInstructions(String instructions) {
    this.instructions = instructions;
  }
}
