package app.lumbra.fhir.support;

import app.lumbra.archive.application.ArchiveService;
import app.lumbra.archive.application.VersionPage;
import app.lumbra.archive.application.VersionView;
import app.lumbra.shared.NotFoundException;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.InstantType;

/**
 * FHIR-2 {@code vread} and {@code _history} for resources whose domain keeps only the current
 * version: every version an application service writes, whatever the channel, is archived as the
 * FHIR interface shows it, in the same transaction as the write ({@code system.ArchiveEveryVersion}
 * observes the services' change events).
 */
@ApplicationScoped
public class VersionHistory {

  private ArchiveService archive;

  /** For the CDI proxy only. */
  protected VersionHistory() {}

  @Inject
  public VersionHistory(ArchiveService archive) {
    this.archive = archive;
  }

  /** Archives the resource at its version (meta.versionId, meta.lastUpdated). */
  public <T extends DomainResource> T keep(T resource) {
    archive.archive(
        resource.fhirType(),
        resource.getIdElement().getIdPart(),
        Long.parseLong(resource.getMeta().getVersionId()),
        resource.getMeta().getLastUpdatedElement().getValue().toInstant().atOffset(ZoneOffset.UTC),
        LumbraFhirContext.r4().newJsonParser().encodeResourceToString(resource));
    return resource;
  }

  /** The resource at {@code id}'s version: {@code current} when it is that one, else archived. */
  public <T extends DomainResource> T version(IIdType id, T current, Class<T> type) {
    Long version = Versions.expected(id);
    if (version == null || version.toString().equals(current.getMeta().getVersionId())) {
      return current;
    }
    return archive
        .version(current.fhirType(), id.getIdPart(), version)
        .map(archived -> parse(archived, type))
        .orElseThrow(
            () ->
                new NotFoundException(
                    current.fhirType() + " version", id.getIdPart() + "/" + version));
  }

  /** Every retained version, newest first, the current one included. */
  public <T extends DomainResource> List<T> of(T current, Class<T> type) {
    List<T> versions = new ArrayList<>();
    versions.add(current);
    for (VersionView archived : archive.history(current.fhirType(), current.getIdPart())) {
      if (!Long.toString(archived.version()).equals(current.getMeta().getVersionId())) {
        versions.add(parse(archived, type));
      }
    }
    return Pages.asHistory(versions);
  }

  /** Type-level history, newest first, paged in the database. */
  public <T extends DomainResource> IBundleProvider ofType(
      String fhirType, Class<T> type, InstantType since, int offset, int limit) {
    OffsetDateTime from =
        since == null || since.getValue() == null
            ? null
            : since.getValue().toInstant().atOffset(ZoneOffset.UTC);
    VersionPage page = archive.typeHistory(fhirType, from, offset, limit);
    return Pages.history(
        page.versions().stream().map(version -> parse(version, type)).toList(),
        offset,
        limit,
        page.total());
  }

  private static <T extends DomainResource> T parse(VersionView version, Class<T> type) {
    T resource = LumbraFhirContext.r4().newJsonParser().parseResource(type, version.snapshot());
    return resource;
  }
}
