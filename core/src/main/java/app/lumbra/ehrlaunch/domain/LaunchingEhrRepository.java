package app.lumbra.ehrlaunch.domain;

import java.util.List;
import java.util.Optional;

/** Port to the launching EHRs an administrator registered. */
public interface LaunchingEhrRepository {

  Optional<LaunchingEhr> find(String name);

  /** The EHR registered with {@code issuer} (compared as stored: without a trailing slash). */
  Optional<LaunchingEhr> findByIssuer(String issuer);

  /** By name. */
  List<LaunchingEhr> list();

  void add(LaunchingEhr ehr);

  void remove(LaunchingEhr ehr);
}
