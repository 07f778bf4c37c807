package app.lumbra.signingkey.domain;

import java.util.Optional;

/** Port to the stored signing keys. */
public interface SigningKeyRepository {

  Optional<SigningKey> find(String purpose);

  void add(SigningKey key);
}
