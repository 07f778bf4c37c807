package app.lumbra.web;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import app.lumbra.archive.application.KeptDocumentService;
import app.lumbra.context.application.ContextService;
import app.lumbra.shared.ClockProducer;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modular monolith's rules, checked on the compiled main classes of all three modules:
 * dependencies point inwards ({@code web → fhir-adapter → core}), the care domain knows nothing of
 * FHIR, HTTP or pages, and a few banned patterns stay out.
 */
class ArchitectureTest {
  private static final String ROOT_PACKAGE = "app.lumbra..";
  private static JavaClasses lumbra;

  @BeforeAll
  static void importMainClasses() {
    lumbra =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT_PACKAGE);
  }

  @Test
  void theCareDomainKnowsNothingOfFhirHttpOrPages() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra..")
        .and()
        .resideOutsideOfPackages("app.lumbra.fhir..", "app.lumbra.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.lumbra.fhir..",
            "app.lumbra.web..",
            "ca.uhn.fhir..",
            "org.hl7.fhir..",
            "jakarta.servlet..",
            "jakarta.ws.rs..",
            "jakarta.faces..")
        .check(lumbra);
  }

  @Test
  void theFhirAdapterDoesNotDependOnTheWebModule() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("app.lumbra.web..")
        .check(lumbra);
  }

  @Test
  void theFhirAdapterReachesTheDomainThroughApplicationServicesNotPersistence() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("app.lumbra..persistence..")
        .check(lumbra);
  }

  @Test
  void theFhirAdapterDoesNotUseJpaDirectly() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra.fhir..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.persistence..")
        .check(lumbra);
  }

  /**
   * Every write is one application-service method that owns its transaction and applies every rule;
   * the adapters only translate. The one exception is Bulk export's paging, which reads one patient
   * per transaction to keep what the persistence context holds small, and writes nothing.
   */
  @Test
  void theAdaptersOpenNoTransactionOfTheirOwn() {
    noClasses()
        .that()
        .resideInAnyPackage("app.lumbra.fhir..", "app.lumbra.web..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(lumbra);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("app.lumbra.fhir..", "app.lumbra.web..")
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("app.lumbra.fhir.bulk..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(lumbra);
  }

  /** What a partner sent is kept only by the exchange use cases, inside their transactions. */
  @Test
  void theAdaptersKeepPartnerDocumentsOnlyThroughTheExchangeUseCases() {
    noClasses()
        .that()
        .resideInAnyPackage("app.lumbra.fhir..", "app.lumbra.web..")
        .should()
        .callMethodWhere(
            target(owner(assignableTo(KeptDocumentService.class)))
                .and(target(name("keep")))
                .or(
                    target(owner(assignableTo(ContextService.class)))
                        .and(target(nameMatching("keep|release")))))
        .check(lumbra);
  }

  @Test
  void onlyJakartaEeApisAreUsedNeverJavaxEe() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javax.persistence..",
            "javax.ejb..",
            "javax.inject..",
            "javax.enterprise..",
            "javax.servlet..",
            "javax.ws.rs..",
            "javax.faces..",
            "javax.validation..",
            "javax.transaction..")
        .check(lumbra);
  }

  @Test
  void noFeatureDependsOnItselfThroughAnother() {
    slices().matching("app.lumbra.(*)..").should().beFreeOfCycles().check(lumbra);
  }

  @Test
  void theDomainDependsOnNoApplicationOrPersistenceCode() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("app.lumbra..application..", "app.lumbra..persistence..")
        .check(lumbra);
  }

  @Test
  void applicationCodeReachesPersistenceOnlyThroughPorts() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra..application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("app.lumbra..persistence..")
        .check(lumbra);
  }

  @Test
  void applicationCodeIsGivenWhatItNeedsNeverLooksItUp() {
    noClasses()
        .that()
        .resideInAPackage("app.lumbra..application..")
        .should()
        .callMethod(CDI.class, "current")
        .check(lumbra);
  }

  /** The FHIR servlet and every other class are given their collaborators (FhirServerParts). */
  @Test
  void noCodeLooksUpBeansThroughCdi() {
    noClasses().should().callMethod(CDI.class, "current").check(lumbra);
  }

  /**
   * Time comes from the injected {@link Clock} (tests fix it); only the producer of that clock
   * reads the system's.
   */
  @Test
  void noCodeReadsTheWallClockOutsideTheClock() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ClockProducer.class.getName())
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(LocalTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(lumbra);
  }

  @Test
  void nothingWritesToStandardStreams() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(lumbra);
  }
}
