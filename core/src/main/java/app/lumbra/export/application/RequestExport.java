package app.lumbra.export.application;

import app.lumbra.export.domain.ExportReach;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A client asks for an export: of whom ({@code reach}, {@code groupId}), which types, since when.
 */
public record RequestExport(
    String requester,
    ExportReach reach,
    String groupId,
    Set<String> types,
    OffsetDateTime since,
    String requestUrl) {}
