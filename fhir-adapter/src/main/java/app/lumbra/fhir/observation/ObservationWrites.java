package app.lumbra.fhir.observation;

import app.lumbra.exchange.application.ObservationExchange;
import app.lumbra.exchange.application.ObservationWrite;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.context.ClinicalContext;
import app.lumbra.fhir.safety.RedFlagScreenPanel;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.MustUnderstand;
import app.lumbra.fhir.support.Versions;
import app.lumbra.fhir.terminology.Extensions;
import app.lumbra.fhir.terminology.Terminology;
import app.lumbra.observation.application.ObservationView;
import app.lumbra.observation.domain.ReadingCriteria;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.RuleViolationException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * The FHIR writes of Observation, translated for the exchange use case ({@link
 * ObservationExchange}, which owns the transaction and the rules) and its answer translated back.
 */
@ApplicationScoped
public class ObservationWrites {

  /** The reading use case's fields, as the Observation elements that carry them. */
  private static final Map<String, String> REFERENCE_PATHS =
      Map.of("patientId", "Observation.subject", "carePlanId", "Observation.basedOn");

  private ObservationExchange exchange;

  /** For the CDI proxy only. */
  protected ObservationWrites() {}

  @Inject
  public ObservationWrites(ObservationExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Create; If-None-Exist (patient, code, date) returns an existing match instead of a duplicate,
   * and more than one match is 412 (FHIR R4 conditional create).
   */
  public MethodOutcome create(Observation sent, String ifNoneExist) {
    MustUnderstand.check(sent);
    ReadingCriteria criteria = null;
    if (ifNoneExist != null) {
      if (!ObservationFhirMapper.isMeasure(sent.getCode())) {
        throw new InvalidValueException(
            "If-None-Exist",
            ifNoneExist,
            "only on readings of Lumbra's measures (" + ObservationFhirMapper.allowedCodes() + ")");
      }
      criteria = ConditionalSearch.criteria(ifNoneExist);
    }
    return write(sent, null, null, criteria);
  }

  /**
   * Update of {@code id} (FHIR-8): a new id is a create under it; the clinical context keeps a new
   * version; a reading of Lumbra's measures never changes (corrections are new readings).
   */
  public MethodOutcome update(IdType id, Observation sent) {
    MustUnderstand.check(sent);
    return write(sent, id.getIdPart(), Versions.expected(id), null);
  }

  private MethodOutcome write(
      Observation sent, String id, Long expectedVersion, ReadingCriteria ifNoneExist) {
    boolean screen = RedFlagScreenPanel.isScreen(sent.getCode());
    KeptResources.Answer<ObservationView, Observation> answer =
        KeptResources.answering(sent, ObservationFhirMapper::toFhir, Set.of());
    ObservationWrite write =
        new ObservationWrite(
            id,
            expectedVersion,
            ObservationFhirMapper.isMeasure(sent.getCode())
                ? () -> ObservationFhirMapper.toDomain(sent)
                : null,
            sent.getExtensionByUrl(Terminology.extension(Extensions.READING_CONTEXT)) != null,
            ifNoneExist,
            () -> ClinicalContext.toKeep(sent, id),
            screen ? RedFlagScreenPanel.toCommand(sent) : null,
            screen ? sent.getSubject().getReferenceElement().getIdPart() : null,
            answer);
    Written<ObservationView> written;
    try {
      written = exchange.write(write);
    } catch (RuleViolationException refused) {
      // The reference rule (a known patient, the plan theirs) names the FHIR element.
      throw refused.at(REFERENCE_PATHS.getOrDefault(refused.field(), refused.field()));
    }
    return ClinicalContext.answer(written, answer);
  }
}
