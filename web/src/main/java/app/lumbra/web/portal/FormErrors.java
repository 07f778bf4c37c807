package app.lumbra.web.portal;

import app.lumbra.shared.DomainException;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.VersionConflictException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's one place that turns a refusal of the care domain into messages a clinician reads:
 * next to the field the refusal names when the form has it (the input's id is the domain's field
 * name, list items as {@code phases:0:sessionMinutes}), else at the top of the form.
 */
public final class FormErrors {

  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]\\.?");

  private FormErrors() {}

  /** What a form's button does; may be refused by the care domain. */
  @FunctionalInterface
  public interface Action {
    void run() throws IOException;
  }

  /**
   * Runs a form's action and turns a refusal (a domain exception or a constraint violation of the
   * command) into the form's messages, so that no action repeats these catch blocks. Anything else
   * is not a refusal and goes on to the error page.
   *
   * @return whether the action went through
   */
  public static boolean attempt(FacesContext faces, String formId, Action action)
      throws IOException {
    return attempt(faces, formId, Map.of(), action);
  }

  /**
   * As {@link #attempt(FacesContext, String, Action)}; {@code inputOf} names the input that shows a
   * refused domain field when the form has no input of that name (several domain fields typed into
   * one input).
   */
  public static boolean attempt(
      FacesContext faces, String formId, Map<String, String> inputOf, Action action)
      throws IOException {
    return attempt(faces, formId, inputOf, action, () -> {});
  }

  /**
   * As {@link #attempt(FacesContext, String, Action)}; when someone else saved a newer version
   * first, {@code onConflict} runs before the message is shown (e.g. to load the newer version
   * beside the form).
   */
  public static boolean attempt(
      FacesContext faces, String formId, Action action, Runnable onConflict) throws IOException {
    return attempt(faces, formId, Map.of(), action, onConflict);
  }

  private static boolean attempt(
      FacesContext faces,
      String formId,
      Map<String, String> inputOf,
      Action action,
      Runnable onConflict)
      throws IOException {
    try {
      action.run();
      return true;
    } catch (VersionConflictException conflict) {
      onConflict.run();
      show(faces, formId, conflict, inputOf);
    } catch (DomainException refused) {
      show(faces, formId, refused, inputOf);
    } catch (ConstraintViolationException refused) {
      show(faces, formId, refused);
    }
    return false;
  }

  /** A message for one refusal; {@code formId} is the id of the h:form holding the fields. */
  public static void show(FacesContext faces, String formId, DomainException refusal) {
    show(faces, formId, refusal, Map.of());
  }

  private static void show(
      FacesContext faces, String formId, DomainException refusal, Map<String, String> inputOf) {
    String field = fieldOf(refusal);
    field = field == null ? null : inputOf.getOrDefault(field, field);
    String clientId = field == null ? null : clientId(faces, formId, field);
    String label = clientId == null ? null : label(faces, clientId);
    faces.addMessage(clientId, error(text(refusal, label)));
  }

  /** Messages for the constraint violations of a command the services' validation refused. */
  public static void show(FacesContext faces, String formId, ConstraintViolationException refusal) {
    for (ConstraintViolation<?> violation : refusal.getConstraintViolations()) {
      String field = propertyOf(violation.getPropertyPath());
      String clientId = clientId(faces, formId, field);
      String label = clientId == null ? field : label(faces, clientId);
      faces.addMessage(clientId, error(label + ": " + violation.getMessage() + "."));
    }
  }

  /** A message at the top of the page. */
  public static void global(FacesContext faces, String text) {
    faces.addMessage(null, error(text));
  }

  /** The sentence shown for a refusal; {@code label} is the form's name for the field or null. */
  public static String text(DomainException refusal, String label) {
    if (refusal instanceof InvalidValueException invalid) {
      String name = label != null ? label : humanise(invalid.field());
      return name
          + ": "
          + invalid.rejected()
          + " is not allowed. Allowed: "
          + invalid.allowed()
          + ".";
    }
    if (refusal instanceof RuleViolationException rule) {
      return refusal
              .getMessage()
              .substring(rule.ruleId().length())
              .replaceFirst("^ \\([^)]*\\): ", "")
          + " (rule "
          + rule.ruleId()
          + ")";
    }
    if (refusal instanceof VersionConflictException) {
      return "Someone else saved a newer version while you were editing. Nothing of yours was"
          + " saved.";
    }
    if (refusal instanceof NotFoundException missing) {
      return "This " + humanise(missing.type()).toLowerCase() + " no longer exists.";
    }
    return refusal.getMessage();
  }

  static String fieldOf(DomainException refusal) {
    if (refusal instanceof InvalidValueException invalid) {
      return invalid.field();
    }
    if (refusal instanceof RuleViolationException rule) {
      return rule.field();
    }
    return null;
  }

  /** {@code phases[0].sessionMinutes} → {@code phases:0:sessionMinutes}. */
  static String componentPath(String field) {
    Matcher matcher = INDEX.matcher(field);
    return matcher.replaceAll(match -> ":" + match.group(1) + ":").replaceAll(":$", "");
  }

  /** The property path of a violation without the method and parameter names in front. */
  static String propertyOf(Path path) {
    List<String> parts = new ArrayList<>();
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case METHOD, PARAMETER, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> parts.clear();
        default -> {
          if (node.getName() != null && !node.getName().startsWith("<")) {
            parts.add(
                node.getName() + (node.getIndex() == null ? "" : "[" + node.getIndex() + "]"));
          }
        }
      }
    }
    return String.join(".", parts);
  }

  /** {@code sessionMinutes} → {@code Session minutes}. */
  static String humanise(String field) {
    String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    String words = last.replaceAll("\\[\\d+]", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    words = words.replace('_', ' ').toLowerCase();
    return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String clientId(FacesContext faces, String formId, String field) {
    if (field == null || field.isBlank() || faces.getViewRoot() == null) {
      return null;
    }
    String candidate = formId + ":" + componentPath(field);
    UIComponent found = faces.getViewRoot().findComponent(":" + candidate);
    if (found != null) {
      return found.getClientId(faces);
    }
    // Inside a repeated row, findComponent does not resolve row indexes; trust the naming scheme.
    return candidate.matches(".*:\\d+:.*") ? candidate : null;
  }

  private static String label(FacesContext faces, String clientId) {
    UIComponent component = faces.getViewRoot().findComponent(":" + clientId);
    Object label = component == null ? null : component.getAttributes().get("label");
    return label == null ? null : label.toString();
  }

  private static FacesMessage error(String text) {
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
  }
}
