package app.lumbra.fhir.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public keys as operators and clients hand them over: a JWK Set, a single JWK, PEM {@code BEGIN
 * PUBLIC KEY} blocks (RSA or EC, as {@code openssl pkey -pubout} writes them) or the bare base64 of
 * such a key. PEM is read with the JDK, so no Bouncy Castle is needed.
 */
public final class PublicKeys {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  private PublicKeys() {}

  public static JWKSet parse(String text) throws ParseException, JOSEException {
    String trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      return trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
    }
    List<JWK> keys = new ArrayList<>();
    Matcher blocks = PEM.matcher(trimmed);
    while (blocks.find()) {
      keys.add(fromDer(blocks.group(1)));
    }
    if (keys.isEmpty()) {
      if (trimmed.startsWith("-----")) {
        throw new ParseException("expected a PEM PUBLIC KEY block (openssl pkey -pubout)", 0);
      }
      keys.add(fromDer(trimmed));
    }
    return new JWKSet(keys);
  }

  private static JWK fromDer(String base64) throws ParseException, JOSEException {
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new ParseException("the public key is not base64", 0);
    }
    PublicKey key = null;
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        break;
      } catch (GeneralSecurityException notThisAlgorithm) {
        // try the next algorithm
      }
    }
    if (key instanceof RSAPublicKey rsa) {
      return new RSAKey.Builder(rsa).build();
    }
    if (key instanceof ECPublicKey ec) {
      return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
    }
    throw new ParseException("not an RSA or EC public key", 0);
  }
}
