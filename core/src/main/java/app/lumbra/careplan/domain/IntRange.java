package app.lumbra.careplan.domain;

/** An inclusive range of whole numbers, such as "2–3 sessions per week". */
public record IntRange(int min, int max) {

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "–" + max;
  }
}
