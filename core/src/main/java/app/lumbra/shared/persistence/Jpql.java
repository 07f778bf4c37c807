package app.lumbra.shared.persistence;

/** Helpers for JPQL built from optional criteria. */
public final class Jpql {

  private Jpql() {}

  /**
   * The conditions (each written {@code " and ..."}) as a where clause, or nothing when there are
   * none. Never {@code where 1 = 1 and ...}: EclipseLink sends a query that compares two literals
   * as plain SQL with every value written into it, so the database parses it anew each time and no
   * prepared statement is reused.
   */
  public static String where(CharSequence conditions) {
    if (conditions.length() == 0) {
      return "";
    }
    String text = conditions.toString();
    if (!text.startsWith(" and ")) {
      throw new IllegalArgumentException("conditions must each start with \" and \": " + text);
    }
    return " where " + text.substring(" and ".length());
  }
}
