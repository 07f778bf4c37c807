package app.lumbra.shared;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for rows that are only ever appended (readings, audit records), as time-ordered UUIDs (RFC
 * 9562, version 7: the millisecond first, then random bits). A new row's id sorts after the earlier
 * ones, so it goes into the last page of the primary-key index instead of a random one. A
 * transaction Bundle of 100 readings then changes a few index pages instead of about 100, and H2
 * writes that much less at each commit. They are ordinary UUIDs to everyone else.
 */
public final class TimeOrderedIds {
  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private TimeOrderedIds() {}

  /** A new id, in canonical UUID form. */
  public static String next() {
    return GENERATOR.generate().toString();
  }
}
