package app.lumbra.fhir.context;

import app.lumbra.context.application.ContextPage;
import app.lumbra.context.application.ContextService;
import app.lumbra.context.application.ContextView;
import app.lumbra.context.application.KeepContext;
import app.lumbra.context.domain.ContextCriteria;
import app.lumbra.context.domain.SearchToken;
import app.lumbra.exchange.application.PartnerRecords;
import app.lumbra.exchange.application.Written;
import app.lumbra.fhir.support.AssumedOutcome;
import app.lumbra.fhir.support.KeptResources;
import app.lumbra.fhir.support.LumbraFhirContext;
import app.lumbra.fhir.support.Pages;
import app.lumbra.fhir.support.Refs;
import app.lumbra.shared.RuleViolationException;
import app.lumbra.shared.TimeOrderedIds;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * The patient's clinical context over FHIR: a resource the domain does not model (a vital sign,
 * another problem, a procedure that is not massage, a goal or plan of other care) is kept whole,
 * with the values US Core searches it by (patient, category, code, clinical status, status,
 * clinical date, last update), and read back as it was sent. Rules apply to what Lumbra
 * understands; here only FHIR's own (must-understand elements, checked before) and FHIR-4's (the
 * patient must be one Lumbra knows).
 */
@ApplicationScoped
public class ClinicalContext {

  private ContextService context;

  /** For the CDI proxy only. */
  protected ClinicalContext() {}

  @Inject
  public ClinicalContext(ContextService context) {
    this.context = context;
  }

  /**
   * {@code sent} as the command that keeps it as the next version of context record {@code id} (a
   * new id when null); the patient is the one it is about ({@code subject}).
   */
  public static KeepContext toKeep(DomainResource sent, String id) {
    String recordId = id != null ? id : TimeOrderedIds.next();
    Facts facts = facts(sent);
    return new KeepContext(
        sent.fhirType(),
        recordId,
        Refs.required(sent.fhirType() + ".subject", "Patient", facts.subject()),
        facts.status(),
        utc(facts.date()),
        facts.tokens(),
        (version, at) -> document(sent, recordId, version, at));
  }

  /** The answer to a write that kept a version of a context record. */
  public static MethodOutcome answer(ContextView kept) {
    DomainResource resource = resource(kept);
    return new MethodOutcome(resource.getIdElement(), kept.version() == 1)
        .setResource(KeptResources.completed(resource));
  }

  /**
   * The answer to an exchange write: the context record's version it kept, or Lumbra's record with
   * what the partner sent ({@code answer}) and what was assumed for what it did not say.
   */
  public static <V, T extends DomainResource> MethodOutcome answer(
      Written<V> written, KeptResources.Answer<V, T> answer) {
    if (written.isContext()) {
      return answer(written.context());
    }
    T resource = answer.resource(written.record());
    return new MethodOutcome(resource.getIdElement(), written.created())
        .setResource(resource)
        .setOperationOutcome(AssumedOutcome.of(written.assumed()));
  }

  /**
   * A refusal of the exchange use case, naming the FHIR element of {@code type} that carries the
   * refused field (the context record's patient is its {@code subject}).
   */
  public static RuleViolationException at(RuleViolationException refused, String type) {
    return PartnerRecords.PATIENT.equals(refused.field()) ? refused.at(type + ".subject") : refused;
  }

  /**
   * A read or vread of {@code id}: the context record's when one has the id, else the domain's
   * ({@code domain}).
   */
  public <T extends DomainResource> T readOr(Class<T> type, IdType id, Supplier<T> domain) {
    String name = type.getSimpleName();
    if (!has(name, id.getIdPart())) {
      return domain.get();
    }
    return type.cast(
        id.hasVersionIdPart()
            ? version(name, id.getIdPart(), id.getVersionIdPartAsLong())
            : read(name, id.getIdPart()).orElseThrow());
  }

  /** The history of {@code id}: the context record's when one has the id, else the domain's. */
  public <T extends DomainResource> List<T> historyOr(
      Class<T> type, IdType id, Supplier<List<T>> domain) {
    String name = type.getSimpleName();
    if (!has(name, id.getIdPart())) {
      return domain.get();
    }
    return Pages.asHistory(history(name, id.getIdPart()).stream().map(type::cast).toList());
  }

  /** Whether a context record of this type has the id. */
  public boolean has(String type, String id) {
    return context.current(type, id).isPresent();
  }

  /** The current version, if a context record of this type has the id. */
  public Optional<DomainResource> read(String type, String id) {
    return context.current(type, id).map(ClinicalContext::resource);
  }

  public DomainResource version(String type, String id, long version) {
    return resource(context.version(type, id, version));
  }

  public List<DomainResource> history(String type, String id) {
    return context.history(type, id).stream().map(ClinicalContext::resource).toList();
  }

  /** A page of matching context records and how many match in all. */
  public Page search(ContextCriteria criteria, int offset, int limit) {
    ContextPage page = context.search(criteria, offset, limit);
    return new Page(page.records().stream().map(ClinicalContext::resource).toList(), page.total());
  }

  /**
   * A search answer of Lumbra's own matches followed by the clinical context's (FHIR-9: searches
   * find both): {@code ours} is the page of Lumbra's matches at {@code first}, {@code ourTotal} how
   * many there are in all; the context fills the rest of the page, and the total counts both.
   * {@code criteria} null leaves the context out (a parameter it cannot answer).
   */
  public IBundleProvider after(
      List<? extends IBaseResource> ours,
      long ourTotal,
      List<? extends IAnyResource> included,
      ContextCriteria criteria,
      int first,
      int size) {
    if (criteria == null) {
      return Pages.of(ours, included, first, size, ourTotal);
    }
    Page others = search(criteria, (int) Math.max(0, first - ourTotal), size - ours.size());
    List<IBaseResource> matches = new ArrayList<>(ours);
    matches.addAll(others.resources());
    return Pages.of(matches, included, first, size, ourTotal + others.total());
  }

  /** The tokens of a search parameter as context criteria match them (no system: any system). */
  public static List<ContextCriteria.TokenMatch> matches(TokenOrListParam param) {
    return param.getValuesAsQueryTokens().stream().map(ClinicalContext::match).toList();
  }

  /** One token as context criteria match it (no system: any system). */
  public static ContextCriteria.TokenMatch match(TokenParam token) {
    return new ContextCriteria.TokenMatch(
        token.getSystem() == null || token.getSystem().isEmpty() ? null : token.getSystem(),
        token.getValue());
  }

  /** The codes of a status-like parameter, whatever their system; empty when absent. */
  public static Set<String> codes(TokenOrListParam param) {
    return param == null
        ? Set.of()
        : param.getValuesAsQueryTokens().stream()
            .map(TokenParam::getValue)
            .collect(Collectors.toSet());
  }

  /** A page of context resources. */
  public record Page(List<DomainResource> resources, long total) {}

  /**
   * What a context record is searched by, per type: the patient, the status US Core searches by,
   * the date its date parameter means (observed, onset else recorded, performed, goal start, plan
   * period start), and its coded values.
   */
  private record Facts(
      Reference subject, String status, BaseDateTimeType date, List<SearchToken> tokens) {}

  private static Facts facts(DomainResource sent) {
    List<SearchToken> tokens = new ArrayList<>();
    if (sent instanceof Observation o) {
      o.getCategory().forEach(c -> add(tokens, "category", c));
      add(tokens, "code", o.getCode());
      BaseDateTimeType date =
          o.hasEffectiveDateTimeType()
              ? o.getEffectiveDateTimeType()
              : o.hasEffectiveInstantType()
                  ? o.getEffectiveInstantType()
                  : o.hasEffectivePeriod() ? o.getEffectivePeriod().getStartElement() : null;
      return new Facts(o.getSubject(), o.hasStatus() ? o.getStatus().toCode() : null, date, tokens);
    }
    if (sent instanceof Condition c) {
      c.getCategory().forEach(category -> add(tokens, "category", category));
      add(tokens, "code", c.getCode());
      add(tokens, "clinical-status", c.getClinicalStatus());
      BaseDateTimeType date =
          c.hasOnsetDateTimeType()
              ? c.getOnsetDateTimeType()
              : c.hasOnsetPeriod()
                  ? c.getOnsetPeriod().getStartElement()
                  : c.hasRecordedDate() ? c.getRecordedDateElement() : null;
      String status =
          c.getClinicalStatus().hasCoding()
              ? c.getClinicalStatus().getCodingFirstRep().getCode()
              : null;
      return new Facts(c.getSubject(), status, date, tokens);
    }
    if (sent instanceof Procedure p) {
      add(tokens, "code", p.getCode());
      BaseDateTimeType date =
          p.hasPerformedDateTimeType()
              ? p.getPerformedDateTimeType()
              : p.hasPerformedPeriod() ? p.getPerformedPeriod().getStartElement() : null;
      return new Facts(p.getSubject(), p.hasStatus() ? p.getStatus().toCode() : null, date, tokens);
    }
    if (sent instanceof Goal g) {
      add(tokens, "description", g.getDescription());
      return new Facts(
          g.getSubject(),
          g.hasLifecycleStatus() ? g.getLifecycleStatus().toCode() : null,
          g.hasStartDateType() ? g.getStartDateType() : null,
          tokens);
    }
    if (sent instanceof CarePlan plan) {
      plan.getCategory().forEach(category -> add(tokens, "category", category));
      return new Facts(
          plan.getSubject(),
          plan.hasStatus() ? plan.getStatus().toCode() : null,
          plan.hasPeriod() ? plan.getPeriod().getStartElement() : null,
          tokens);
    }
    if (sent instanceof QuestionnaireResponse response) {
      // OUT-5: what the patient filled in, kept whole beside the readings it became.
      return new Facts(
          response.getSubject(),
          response.hasStatus() ? response.getStatus().toCode() : null,
          response.hasAuthored() ? response.getAuthoredElement() : null,
          tokens);
    }
    throw new IllegalArgumentException(sent.fhirType() + " is not kept as clinical context");
  }

  private static OffsetDateTime utc(BaseDateTimeType date) {
    return date == null || date.getValue() == null
        ? null
        : date.getValue().toInstant().atOffset(ZoneOffset.UTC);
  }

  private static void add(List<SearchToken> tokens, String param, CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (coding.hasCode()) {
        tokens.add(SearchToken.of(param, coding.getSystem(), coding.getCode()));
      }
    }
  }

  private static String document(DomainResource sent, String id, long version, OffsetDateTime at) {
    DomainResource kept = (DomainResource) sent.copy();
    kept.setId(new IdType(sent.fhirType(), id, Long.toString(version)));
    kept.getMeta().setVersionId(Long.toString(version));
    kept.getMeta().setLastUpdated(Date.from(at.toInstant()));
    return LumbraFhirContext.r4().newJsonParser().encodeResourceToString(kept);
  }

  private static DomainResource resource(ContextView view) {
    DomainResource resource =
        (DomainResource) LumbraFhirContext.r4().newJsonParser().parseResource(view.document());
    resource.setId(new IdType(view.recordType(), view.recordId(), Long.toString(view.version())));
    return KeptResources.completed(resource);
  }
}
