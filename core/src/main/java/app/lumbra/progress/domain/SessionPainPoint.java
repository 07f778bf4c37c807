package app.lumbra.progress.domain;

import java.time.OffsetDateTime;

/** Pain before and after one attended session, for the trend chart; either may be null. */
public record SessionPainPoint(
    String sessionId, OffsetDateTime performedAt, Integer prePain, Integer postPain) {}
