package app.lumbra.fhir.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * FHIR-2: a transaction Bundle is all or nothing. The application services join this one JTA
 * transaction, and any failure (a runtime exception) rolls every entry back.
 */
@ApplicationScoped
public class InOneTransaction {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T run(Supplier<T> work) {
    return work.get();
  }
}
