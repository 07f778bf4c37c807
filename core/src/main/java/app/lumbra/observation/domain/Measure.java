package app.lumbra.observation.domain;

import java.util.function.Function;

/**
 * What a measure is (OBS-1, OBS-2), described once: its field name in messages, whether its value
 * is a score (with range and UCUM unit) or a category, and how a reading is rebuilt from what is
 * stored. The entity stores every reading through {@link Stored} and the FHIR mapper writes and
 * reads values from this description, so adding a measure means adding its reading type and one
 * line in {@link ObservationCode}.
 */
public record Measure(
    String field,
    Kind kind,
    int min,
    int max,
    String unit,
    Function<Stored, SymptomReading> reader) {

  /** UCUM's unit of a score on a scale without one. */
  public static final String SCORE_UNIT = "{score}";

  /** A score on a numeric scale, or one of a set of coded answers. */
  public enum Kind {
    SCORE,
    CATEGORY
  }

  /**
   * A reading as it is stored: the score or the category, and the qualifiers two measures have
   * (morning stiffness, the side of leg pain). Null where the measure has none.
   */
  public record Stored(Integer score, String category, Boolean morning, String side) {

    public static Stored score(int value) {
      return new Stored(value, null, null, null);
    }

    public static Stored category(String code) {
      return new Stored(null, code, null, null);
    }
  }

  static Measure score(
      String field, int min, int max, String unit, Function<Stored, SymptomReading> reader) {
    return new Measure(field, Kind.SCORE, min, max, unit, reader);
  }

  static Measure category(String field, Function<Stored, SymptomReading> reader) {
    return new Measure(field, Kind.CATEGORY, 0, 0, null, reader);
  }

  public boolean isScore() {
    return kind == Kind.SCORE;
  }

  /** The reading again from what was stored, re-validated. */
  public SymptomReading read(Stored stored) {
    return reader.apply(stored);
  }

  /**
   * A score from whatever a caller received (a form's text, a FHIR decimal), checked against the
   * range; OBS-4's message names {@link #field} and the range.
   *
   * @throws app.lumbra.shared.InvalidValueException when it is not a whole number in range
   */
  public int parseScore(Object raw) {
    return Scores.parse(field, raw, min, max);
  }
}
