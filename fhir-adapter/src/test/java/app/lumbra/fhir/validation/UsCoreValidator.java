package app.lumbra.fhir.validation;

import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import app.lumbra.fhir.terminology.ExtensionDefinitions;
import app.lumbra.fhir.terminology.Terminology;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * FHIR-5, offline: HAPI's instance validator loaded with US Core 8.0.0 as PLATFORM.md ("Added
 * 2026-12") found it works. The guide's profiles are differentials, so snapshots are generated on
 * first use; every profile gets version 8.0.0 because the examples (and Lumbra) cite {@code
 * …|8.0.0}; SDC is not in the folder, so a copy of base QuestionnaireResponse stands in for the SDC
 * profile three US Core profiles build on; SNOMED CT, LOINC and ICD-10-CM cannot be expanded
 * offline and are reported as warnings, never errors. Lumbra's own CodeSystem and extension
 * StructureDefinitions are added so its codes and extensions are checked, not "unknown".
 *
 * <p>Building the chain and generating snapshots takes seconds, so there is one instance per JVM:
 * {@link #get()}.
 */
public final class UsCoreValidator {

  /** Where the build puts the US Core folder (parent pom, surefire and failsafe). */
  public static final String DIRECTORY_PROPERTY = "lumbra.us-core.dir";

  static final String SDC_QUESTIONNAIRE_RESPONSE =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse";

  private final FhirContext fhir = FhirContext.forR4Cached();
  private final FhirValidator validator;
  private final ValidationSupportChain chain;

  private UsCoreValidator() {
    PrePopulatedValidationSupport usCore = new PrePopulatedValidationSupport(fhir);
    DefaultProfileValidationSupport base = new DefaultProfileValidationSupport(fhir);
    IParser json = fhir.newJsonParser();
    try (Stream<Path> files = Files.list(directory().resolve("resources"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        IBaseResource resource = json.parseResource(Files.readString(file));
        if (resource instanceof StructureDefinition profile) {
          profile.setVersion(Terminology.US_CORE_VERSION);
          usCore.addStructureDefinition(profile);
        } else if (resource instanceof ValueSet valueSet) {
          usCore.addValueSet(valueSet);
        } else if (resource instanceof CodeSystem codeSystem) {
          usCore.addCodeSystem(codeSystem);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    usCore.addStructureDefinition(sdcStandIn(base));
    CodeSystemResourceProvider.published().forEach(usCore::addCodeSystem);
    ExtensionDefinitions.structureDefinitions().forEach(usCore::addStructureDefinition);
    UnknownCodeSystemWarningValidationSupport unknownSystems =
        new UnknownCodeSystemWarningValidationSupport(fhir);
    unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    chain =
        new ValidationSupportChain(
            base,
            usCore,
            new SnapshotGeneratingValidationSupport(fhir),
            new CommonCodeSystemsTerminologyService(fhir),
            new InMemoryTerminologyServerValidationSupport(fhir),
            unknownSystems);
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    // An extension without a definition is an error, so "0 errors" proves every extension Lumbra
    // emits is defined by a StructureDefinition it serves. HL7's own extensions stay allowed: the
    // US Core examples use some from the FHIR extension pack (itemWeight), which is not in R4 core.
    instanceValidator.setAnyExtensionsAllowed(false);
    instanceValidator.setCustomExtensionDomains("http://hl7.org/fhir/StructureDefinition/");
    validator = fhir.newValidator();
    validator.registerValidatorModule(instanceValidator);
  }

  /** The one validator of this JVM, built on first use. */
  public static UsCoreValidator get() {
    return Holder.INSTANCE;
  }

  /** The US Core folder the build names; fails clearly when a test runs without it. */
  public static Path directory() {
    String dir = System.getProperty(DIRECTORY_PROPERTY);
    if (dir == null) {
      throw new IllegalStateException(
          "System property " + DIRECTORY_PROPERTY + " is not set (the parent pom sets it)");
    }
    return Path.of(dir);
  }

  /** Every message about {@code resource}, against the profiles in its {@code meta.profile}. */
  public List<SingleValidationMessage> messages(IBaseResource resource) {
    synchronized (validator) {
      return validator.validateWithResult(resource).getMessages();
    }
  }

  /** The errors (and fatals) about {@code resource}, as "location: message" lines. */
  public List<String> errors(IBaseResource resource) {
    return messages(resource).stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }

  /** A profile or extension definition as the validator uses it: with its generated snapshot. */
  public StructureDefinition structureDefinition(String url) {
    StructureDefinition definition = (StructureDefinition) chain.fetchStructureDefinition(url);
    if (definition == null || definition.hasSnapshot()) {
      return definition;
    }
    return (StructureDefinition)
        chain.generateSnapshot(
            new ValidationSupportContext(chain),
            definition.copy(),
            url,
            null,
            definition.getName());
  }

  public FhirContext fhirContext() {
    return fhir;
  }

  /** Base QuestionnaireResponse under SDC's URL, enough for US Core to derive from. */
  private static StructureDefinition sdcStandIn(DefaultProfileValidationSupport base) {
    StructureDefinition questionnaireResponse =
        ((StructureDefinition)
                base.fetchStructureDefinition(
                    "http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse"))
            .copy();
    questionnaireResponse.setId("sdc-questionnaireresponse");
    questionnaireResponse.setUrl(SDC_QUESTIONNAIRE_RESPONSE);
    questionnaireResponse.setName("SDCQuestionnaireResponseStandIn");
    questionnaireResponse.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
    questionnaireResponse.setBaseDefinition(
        "http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse");
    return questionnaireResponse;
  }

  private static final class Holder {
    static final UsCoreValidator INSTANCE = new UsCoreValidator();
  }
}
