package app.lumbra.web.portal;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** Small conversions between what forms hold and what commands take. */
public final class PortalForms {

  private PortalForms() {}

  /** The ticked boxes of a multi-select as a set (arrays let Faces convert enum values). */
  @SafeVarargs
  public static <E extends Enum<E>> Set<E> enumSet(Class<E> type, E... ticked) {
    EnumSet<E> set = EnumSet.noneOf(type);
    if (ticked != null) {
      for (E value : ticked) {
        if (value != null) {
          set.add(value);
        }
      }
    }
    return set;
  }

  /** Blank text as null, else stripped. */
  public static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Redirects to a portal page (Post/Redirect/Get). */
  public static void redirect(FacesContext faces, String pageAndQuery) throws IOException {
    faces
        .getExternalContext()
        .redirect(faces.getExternalContext().getRequestContextPath() + "/portal/" + pageAndQuery);
  }
}
