package app.lumbra.fhir.alert;

import app.lumbra.alert.application.AlertPage;
import app.lumbra.alert.application.AlertService;
import app.lumbra.alert.domain.AlertCriteria;
import app.lumbra.fhir.server.FhirSettings;
import app.lumbra.fhir.support.DateRanges;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.terminology.CodeSystemResourceProvider;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;

/**
 * FHIR {@code DetectedIssue} (SAFE-4): the alerts of plans, read and searched by patient, code (the
 * rule, {@value CodeSystemResourceProvider#RULE_SYSTEM}), date ({@code identified}, also as {@code
 * date}) and implicated plan. Read only: alerts are acknowledged in the portal.
 */
@ApplicationScoped
public class DetectedIssueResourceProvider implements IResourceProvider {

  private AlertService alerts;
  private FhirSettings settings;

  /** For the CDI proxy only. */
  protected DetectedIssueResourceProvider() {}

  @Inject
  public DetectedIssueResourceProvider(AlertService alerts, FhirSettings settings) {
    this.alerts = alerts;
    this.settings = settings;
  }

  @Override
  public Class<DetectedIssue> getResourceType() {
    return DetectedIssue.class;
  }

  @Read
  public DetectedIssue read(@IdParam IdType id) {
    return DetectedIssueFhirMapper.toFhir(alerts.get(id.getIdPart()));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = DetectedIssue.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = DetectedIssue.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = DetectedIssue.SP_IDENTIFIED) DateRangeParam identified,
      @OptionalParam(name = "date") DateRangeParam date,
      @OptionalParam(name = DetectedIssue.SP_IMPLICATED) ReferenceParam implicated,
      @Count Integer count,
      @Offset Integer offset) {
    DateRanges.Range<OffsetDateTime> raised =
        identified != null
            ? DateRanges.instants(DetectedIssue.SP_IDENTIFIED, identified)
            : date != null ? DateRanges.instants("date", date) : new DateRanges.Range<>(null, null);
    AlertCriteria criteria =
        new AlertCriteria(
            patient == null ? null : patientId(patient),
            null,
            implicated == null ? null : planId(implicated),
            rules(code),
            raised.from(),
            raised.before(),
            false);
    int limit = settings.pageSize(count);
    int from = settings.offset(offset);
    AlertPage page = alerts.search(criteria, from, limit);
    return Pages.of(
        page.alerts().stream().map(DetectedIssueFhirMapper::toFhir).toList(),
        List.of(),
        from,
        limit,
        page.total());
  }

  private static String patientId(ReferenceParam patient) {
    if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
      throw new InvalidRequestException("patient: a Patient reference, such as Patient/123");
    }
    return patient.getIdPart();
  }

  private static String planId(ReferenceParam plan) {
    if (plan.getResourceType() != null && !"CarePlan".equals(plan.getResourceType())) {
      throw new InvalidRequestException("implicated: a CarePlan reference, such as CarePlan/123");
    }
    return plan.getIdPart();
  }

  /** The rule ids asked for; a code of another system matches nothing Lumbra raises. */
  private static Set<String> rules(TokenOrListParam code) {
    if (code == null) {
      return Set.of();
    }
    Set<String> rules = new LinkedHashSet<>();
    for (TokenParam token : code.getValuesAsQueryTokens()) {
      String system = token.getSystem();
      if (system == null
          || system.isBlank()
          || CodeSystemResourceProvider.RULE_SYSTEM.equals(system)) {
        rules.add(token.getValue());
      } else {
        rules.add("none:" + token.getValue());
      }
    }
    return rules;
  }
}
