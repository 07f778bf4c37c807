package app.lumbra.selfreport.domain;

import app.lumbra.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * OUT-5: the totals of the function questionnaires a patient fills in item by item, as their
 * authors score them. Oswestry (Fairbank and Pynsent 2000): ten sections scored 0–5; the index is
 * the points scored out of the points possible for the sections answered, as a percentage, so one
 * unanswered section is allowed (the sum is then out of 45). Roland–Morris (Roland and Morris
 * 1983): 24 statements, the score is how many the patient marked; an unmarked one counts as no.
 */
public final class QuestionnaireScores {

  public static final int OSWESTRY_SECTIONS = 10;
  public static final int OSWESTRY_SECTION_MAX = 5;

  /** Fewer answered sections give no index: one missing section is what the scoring allows. */
  public static final int OSWESTRY_MIN_ANSWERED = OSWESTRY_SECTIONS - 1;

  public static final int ROLAND_MORRIS_ITEMS = 24;

  private QuestionnaireScores() {}

  /**
   * The Oswestry Disability Index, 0–100 (rounded half up), from the answered sections' scores.
   *
   * @throws InvalidValueException when fewer than {@value #OSWESTRY_MIN_ANSWERED} sections are
   *     answered or a section score is outside 0–{@value #OSWESTRY_SECTION_MAX}
   */
  public static int oswestry(Collection<Integer> sectionScores) {
    int answered = sectionScores.size();
    if (answered < OSWESTRY_MIN_ANSWERED || answered > OSWESTRY_SECTIONS) {
      throw new InvalidValueException(
          "oswestrySections",
          answered + " answered",
          "at least " + OSWESTRY_MIN_ANSWERED + " of the " + OSWESTRY_SECTIONS + " sections");
    }
    int sum = 0;
    for (Integer score : sectionScores) {
      if (score == null || score < 0 || score > OSWESTRY_SECTION_MAX) {
        throw new InvalidValueException(
            "oswestrySection", score, "0 to " + OSWESTRY_SECTION_MAX + " points");
      }
      sum += score;
    }
    return BigDecimal.valueOf(sum * 100L)
        .divide(BigDecimal.valueOf((long) OSWESTRY_SECTION_MAX * answered), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /**
   * The Roland–Morris score, 0–24: how many statements the patient marked as applying today.
   *
   * @throws InvalidValueException when more than {@value #ROLAND_MORRIS_ITEMS} answers are given
   */
  public static int rolandMorris(Collection<Boolean> marked) {
    if (marked.size() > ROLAND_MORRIS_ITEMS) {
      throw new InvalidValueException(
          "rolandMorrisItems", marked.size(), "at most " + ROLAND_MORRIS_ITEMS + " statements");
    }
    return (int) marked.stream().filter(Boolean.TRUE::equals).count();
  }
}
