package app.lumbra.fhir.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * FHIR-2: a transaction Bundle is all or nothing, and a FHIR write and its archived versions are
 * stored together. The application services join this one JTA transaction, and any failure (a
 * runtime exception) rolls every entry back.
 */
@ApplicationScoped
public class InOneTransaction {

  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T run(Supplier<T> work) {
    return work.get();
  }
}
