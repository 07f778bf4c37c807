package app.lumbra.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * FHIR-2: a partner's transaction Bundle is all or nothing. Each exchange use case it carries joins
 * this one transaction, and any failure (a runtime exception) rolls every entry back.
 */
@ApplicationScoped
public class AllOrNothing {

  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T run(Supplier<T> writes) {
    return writes.get();
  }
}
