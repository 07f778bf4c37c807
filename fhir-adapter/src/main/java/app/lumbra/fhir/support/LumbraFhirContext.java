package app.lumbra.fhir.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;

/**
 * Lumbra's one FHIR R4 context, shared by the server, the mappers' helpers and the version archive
 * (so the server's parser settings apply to all of them, as with HAPI's cached R4 context). It
 * differs from HAPI's R4 context in one point only: response Bundles are built by {@link
 * ResultBundleFactory}, which does not walk every element of every resource in search of references
 * that carry a resource object.
 */
public final class LumbraFhirContext extends FhirContext {

  private static final LumbraFhirContext R4 = new LumbraFhirContext();

  private LumbraFhirContext() {
    super(FhirVersionEnum.R4);
  }

  /** The R4 context; created once, like {@link FhirContext#forR4Cached()}. */
  public static FhirContext r4() {
    return R4;
  }

  @Override
  public IVersionSpecificBundleFactory newBundleFactory() {
    return new ResultBundleFactory(this);
  }
}
