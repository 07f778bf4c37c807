package app.lumbra.client.domain;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Port to the client assertions already used, shared by every instance. */
public interface UsedAssertions {

  Optional<UsedAssertion> find(String key);

  /** Stores the use at once; a concurrent use of the same key fails with a persistence error. */
  void add(UsedAssertion used);

  /** Forgets the uses that expired before {@code before}; answers how many. */
  int forgetExpiredBefore(OffsetDateTime before);
}
