package app.lumbra.careplan.domain;

import app.lumbra.shared.InvalidValueException;

/** PLAN-2: sessions per period, the period in whole weeks ("2 per 1 week", "1 per 3 weeks"). */
public record Frequency(int sessions, int periodWeeks) {

  public static final int MAX_SESSIONS_PER_PERIOD = 7;
  public static final int MAX_PERIOD_WEEKS = 12;

  public Frequency {
    if (sessions < 1 || sessions > MAX_SESSIONS_PER_PERIOD) {
      throw new InvalidValueException(
          "frequency.sessions", sessions, "1 to " + MAX_SESSIONS_PER_PERIOD + " per period");
    }
    if (periodWeeks < 1 || periodWeeks > MAX_PERIOD_WEEKS) {
      throw new InvalidValueException(
          "frequency.periodWeeks", periodWeeks, "1 to " + MAX_PERIOD_WEEKS + " weeks");
    }
  }

  public static Frequency perWeek(int sessions) {
    return new Frequency(sessions, 1);
  }

  public static Frequency everyWeeks(int weeks) {
    return new Frequency(1, weeks);
  }

  public double perWeek() {
    return (double) sessions / periodWeeks;
  }

  @Override
  public String toString() {
    return periodWeeks == 1
        ? sessions + " per week"
        : sessions == 1
            ? "1 every " + periodWeeks + " weeks"
            : sessions + " every " + periodWeeks + " weeks";
  }
}
