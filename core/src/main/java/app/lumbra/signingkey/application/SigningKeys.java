package app.lumbra.signingkey.application;

import app.lumbra.signingkey.domain.SigningKey;
import app.lumbra.signingkey.domain.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The key of a purpose, made by {@code generate} and stored the first time it is asked for. Two
 * instances starting together on an empty database may both generate one; the second insert fails
 * on the purpose's primary key and that instance reads the stored key on its next call.
 */
@ApplicationScoped
public class SigningKeys {

  /** A generated key: its id and its private JWK (opaque text here). */
  public record NewKey(String keyId, String privateJwk) {}

  private SigningKeyRepository keys;
  private Clock clock;

  /** For the CDI proxy only. */
  protected SigningKeys() {}

  @Inject
  public SigningKeys(SigningKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The private JWK of {@code purpose}, generated and stored if there is none yet. */
  @Transactional(TxType.REQUIRES_NEW)
  public String privateJwk(String purpose, Supplier<NewKey> generate) {
    return keys.find(purpose)
        .map(SigningKey::privateJwk)
        .orElseGet(
            () -> {
              NewKey generated = generate.get();
              keys.add(
                  SigningKey.create(purpose, generated.keyId(), generated.privateJwk(), clock));
              return generated.privateJwk();
            });
  }
}
