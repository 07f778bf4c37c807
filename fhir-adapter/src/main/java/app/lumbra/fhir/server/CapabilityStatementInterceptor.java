package app.lumbra.fhir.server;

import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.terminology.Terminology;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Documents in the CapabilityStatement what HAPI cannot derive from the providers: the project code
 * system and extensions, the {@code _sort} values of each resource type, and that software versions
 * are not disclosed.
 */
@Interceptor
public class CapabilityStatementInterceptor {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    statement.getSoftware().setVersion(null);
    for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
      rest.setDocumentation(
          "Codes without a verified LOINC or SNOMED CT code use the project code system "
              + Terminology.LUMBRA
              + " (served as CodeSystem/"
              + Terminology.LUMBRA_CODE_SYSTEM_ID
              + "). Project extensions: "
              + Terminology.EXTENSION_BASE
              + "{"
              + String.join(", ", Terminology.extensionNames())
              + "}. Paging: _count and _offset; _total is accurate, except that _total=none on"
              + " Observation searches skips the count (the Bundle then has no total).");
      for (CapabilityStatement.CapabilityStatementRestResourceComponent resource :
          rest.getResource()) {
        if (Sorting.SORTABLE.containsKey(resource.getType())) {
          resource.setDocumentation("_sort: " + Sorting.allowedValues(resource.getType()) + ".");
        }
      }
    }
  }
}
