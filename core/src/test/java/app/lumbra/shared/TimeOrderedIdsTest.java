package app.lumbra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void idsAreVersion7UuidsInCanonicalForm() {
    String id = TimeOrderedIds.next();

    UUID uuid = UUID.fromString(id);
    assertThat(uuid.toString()).isEqualTo(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void eachIdSortsAfterTheOnesBeforeItEvenWithinOneMillisecond() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(TimeOrderedIds.next());
    }

    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids).isSortedAccordingTo(String::compareTo);
  }

  @Test
  void theFirstPartIsTheCurrentTimeInMilliseconds() {
    long before = System.currentTimeMillis();
    String id = TimeOrderedIds.next();
    long after = System.currentTimeMillis();

    long millis = UUID.fromString(id).getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(before, after);
  }
}
