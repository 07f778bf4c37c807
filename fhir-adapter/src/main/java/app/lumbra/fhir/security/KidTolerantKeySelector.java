package app.lumbra.fhir.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Selects verification keys for the allowed algorithms. A token naming a key id gets the key with
 * that id; when no key has an id (keys configured as PEM), every key of the right type is tried, so
 * tokens of identity providers that always send {@code kid} verify against a PEM key too.
 */
public final class KidTolerantKeySelector implements JWSKeySelector<SecurityContext> {

  private final Set<JWSAlgorithm> algorithms;
  private final JWKSource<SecurityContext> keys;

  public KidTolerantKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
    this.algorithms = Set.copyOf(algorithms);
    this.keys = keys;
  }

  @Override
  public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context)
      throws KeySourceException {
    JWSAlgorithm algorithm = header.getAlgorithm();
    if (!algorithms.contains(algorithm)) {
      return List.of();
    }
    KeyType type = KeyType.forAlgorithm(algorithm);
    JWKMatcher ofType =
        new JWKMatcher.Builder().keyType(type).keyUses(KeyUse.SIGNATURE, null).build();
    List<JWK> candidates = keys.get(new JWKSelector(ofType), context);
    String kid = header.getKeyID();
    List<JWK> named =
        kid == null
            ? List.of()
            : candidates.stream().filter(k -> kid.equals(k.getKeyID())).toList();
    List<JWK> chosen =
        !named.isEmpty()
            ? named
            : candidates.stream().filter(k -> kid == null || k.getKeyID() == null).toList();
    List<Key> result = new ArrayList<>();
    for (JWK jwk : chosen) {
      try {
        if (jwk instanceof RSAKey rsa) {
          result.add(rsa.toRSAPublicKey());
        } else if (jwk instanceof ECKey ec) {
          result.add(ec.toECPublicKey());
        }
      } catch (JOSEException unusable) {
        // skip a key that cannot be turned into a Java key
      }
    }
    return result;
  }
}
