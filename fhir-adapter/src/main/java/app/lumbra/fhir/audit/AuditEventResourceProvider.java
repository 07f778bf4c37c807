package app.lumbra.fhir.audit;

import app.lumbra.audit.application.AuditQuery;
import app.lumbra.audit.application.AuditTrail;
import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.Pages;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;

/**
 * FHIR {@code AuditEvent}: read and search only. There is no create, update or delete, so the trail
 * cannot be changed through FHIR; reading it needs a scope naming AuditEvent explicitly.
 */
@ApplicationScoped
public class AuditEventResourceProvider implements IResourceProvider {

  private AuditTrail trail;
  private FhirSettings settings;

  /** For the CDI proxy only. */
  protected AuditEventResourceProvider() {}

  @Inject
  public AuditEventResourceProvider(AuditTrail trail, FhirSettings settings) {
    this.trail = trail;
    this.settings = settings;
  }

  @Override
  public Class<AuditEvent> getResourceType() {
    return AuditEvent.class;
  }

  @Read
  public AuditEvent read(@IdParam IdType id) {
    return AuditEventFhirMapper.toFhir(trail.get(id.getIdPart()));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agent,
      @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenParam outcome,
      @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
      @Count Integer count,
      @Offset Integer offset) {
    AuditQuery query =
        new AuditQuery(
            patient == null ? null : patient.getIdPart(),
            agent == null ? null : agent.getValue(),
            outcome == null ? null : outcome(outcome.getValue()),
            date == null ? null : time(date.getLowerBoundAsInstant()),
            date == null ? null : time(date.getUpperBoundAsInstant()));
    int limit = settings.pageSize(count);
    int from = settings.offset(offset);
    return Pages.of(
        trail.search(query, from, limit).stream().map(AuditEventFhirMapper::toFhir).toList(),
        List.of(),
        from,
        limit,
        trail.count(query));
  }

  private static AccessOutcome outcome(String code) {
    return switch (code) {
      case "0" -> AccessOutcome.ALLOWED;
      case "4" -> AccessOutcome.DENIED;
      case "8" -> AccessOutcome.FAILED;
      default -> throw new InvalidRequestException("outcome: one of 0, 4, 8");
    };
  }

  private static OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
