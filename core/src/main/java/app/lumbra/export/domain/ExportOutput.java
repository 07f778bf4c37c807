package app.lumbra.export.domain;

import app.lumbra.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One file of a finished export: the resource type of its lines, its name and its line count. */
@Embeddable
public class ExportOutput {

  @Column(name = "resource_type", nullable = false, length = 64)
  private String resourceType;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "line_count", nullable = false)
  private long count;

  protected ExportOutput() {
    // for JPA
  }

  public static ExportOutput of(String resourceType, String fileName, long count) {
    ExportOutput output = new ExportOutput();
    output.resourceType = InvalidValueException.required("resourceType", resourceType, "a type");
    output.fileName = InvalidValueException.required("fileName", fileName, "a file name");
    if (count < 1) {
      throw new InvalidValueException("count", count, "1 or more lines (empty files are left out)");
    }
    output.count = count;
    return output;
  }

  public String resourceType() {
    return resourceType;
  }

  public String fileName() {
    return fileName;
  }

  public long count() {
    return count;
  }
}
