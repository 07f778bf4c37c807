package app.lumbra.fhir.server;

import app.lumbra.fhir.support.Sorting;
import app.lumbra.fhir.terminology.Terminology;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * Documents in the CapabilityStatement what HAPI cannot derive from the providers: that Lumbra
 * instantiates US Core 8.0.0's server CapabilityStatement and which US Core profiles each resource
 * type is emitted in (FHIR-5, FHIR-7), the project code system and extensions, the {@code _sort}
 * values of each resource type, that software versions are not disclosed, and how clients
 * authenticate: {@code rest.security} names SMART on FHIR and its {@code oauth-uris} extension the
 * token endpoint, as SMART App Launch's discovery asks.
 */
@Interceptor
public class CapabilityStatementInterceptor {

  /** The R4 code system of {@code rest.security.service}. */
  public static final String SECURITY_SERVICE =
      "http://terminology.hl7.org/CodeSystem/restful-security-service";

  /** The same code in the SMART registry's code system, which older SMART clients look for. */
  public static final String SMART_SECURITY_SERVICE =
      "http://fhir-registry.smarthealthit.org/CodeSystem/restful-security-service";

  public static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private final Optional<String> tokenUrl;
  private final Optional<String> authorizeUrl;

  /**
   * @param tokenUrl the configured {@code lumbra.auth.token-url} (behind a proxy); when empty, the
   *     token endpoint is {@code /auth/token} beside the FHIR base the request used
   * @param authorizeUrl the configured {@code lumbra.auth.authorize-url} (an identity provider's
   *     authorization endpoint for user launches); when empty, {@code /auth/authorize}, which
   *     explains that Lumbra itself grants no user authorizations
   */
  public CapabilityStatementInterceptor(Optional<String> tokenUrl, Optional<String> authorizeUrl) {
    this.tokenUrl = tokenUrl;
    this.authorizeUrl = authorizeUrl;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated, RequestDetails request) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    statement.getSoftware().setVersion(null);
    if (statement.getInstantiates().stream()
        .noneMatch(uri -> Terminology.US_CORE_SERVER.equals(uri.getValue()))) {
      statement.addInstantiates(Terminology.US_CORE_SERVER);
    }
    String site = siteBase(request == null ? null : request.getFhirServerBase());
    String token = tokenUrl.orElse(site + "/auth/token");
    String authorize = authorizeUrl.orElse(site + "/auth/authorize");
    for (CapabilityStatementRestComponent rest : statement.getRest()) {
      rest.setDocumentation(
          "Codes without a verified LOINC or SNOMED CT code use the project code system "
              + Terminology.LUMBRA
              + " (served as CodeSystem/"
              + Terminology.LUMBRA_CODE_SYSTEM_ID
              + "). Project extensions: "
              + Terminology.EXTENSION_BASE
              + "{"
              + String.join(", ", Terminology.extensionNames())
              + "}, each defined by a StructureDefinition served at StructureDefinition/{name}."
              + " Standard codes (LOINC, SNOMED CT, ICD-10-CM) come first in every concept."
              + " Paging: _count and _offset; _total is accurate, except that _total=none on"
              + " Observation searches skips the count (the Bundle then has no total).");
      for (CapabilityStatement.CapabilityStatementRestResourceComponent resource :
          rest.getResource()) {
        for (String profile :
            Terminology.US_CORE_PROFILES.getOrDefault(resource.getType(), List.of())) {
          if (resource.getSupportedProfile().stream()
              .noneMatch(existing -> profile.equals(existing.getValue()))) {
            resource.addSupportedProfile(profile);
          }
        }
        if (Sorting.SORTABLE.containsKey(resource.getType())) {
          resource.setDocumentation("_sort: " + Sorting.allowedValues(resource.getType()) + ".");
        }
      }
      secure(rest, token, authorize);
    }
  }

  /** SMART on FHIR security, with the token endpoint in the oauth-uris extension. */
  public static void secure(
      CapabilityStatementRestComponent rest, String tokenUrl, String authorizeUrl) {
    CodeableConcept service =
        new CodeableConcept().setText("OAuth2 bearer tokens with SMART on FHIR scopes");
    service
        .addCoding()
        .setSystem(SECURITY_SERVICE)
        .setCode("SMART-on-FHIR")
        .setDisplay("SMART-on-FHIR");
    service
        .addCoding()
        .setSystem(SMART_SECURITY_SERVICE)
        .setCode("SMART-on-FHIR")
        .setDisplay("SMART-on-FHIR");
    Extension oauth = new Extension(OAUTH_URIS);
    // R4's oauth-uris definition requires authorize as well as token.
    oauth.addExtension(new Extension("authorize", new UriType(authorizeUrl)));
    oauth.addExtension(new Extension("token", new UriType(tokenUrl)));
    rest.getSecurity()
        .setCors(false)
        .setDescription(
            "Every interaction but /metadata needs an OAuth2 bearer JWT (RS256 or ES256) whose"
                + " SMART scopes (v1 or v2; patient/, user/ or system/) allow it. EHR systems get"
                + " system/ tokens from "
                + tokenUrl
                + " (SMART Backend Services). Discovery: .well-known/smart-configuration.")
        .addService(service)
        .addExtension(oauth);
  }

  /** {@code http://host/fhir} becomes {@code http://host}: the site the FHIR base is part of. */
  private static String siteBase(String fhirBase) {
    if (fhirBase == null) {
      return "";
    }
    String base = fhirBase.endsWith("/") ? fhirBase.substring(0, fhirBase.length() - 1) : fhirBase;
    int last = base.lastIndexOf('/');
    return last > base.indexOf("//") + 1 ? base.substring(0, last) : base;
  }
}
