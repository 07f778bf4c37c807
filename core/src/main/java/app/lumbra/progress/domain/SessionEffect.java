package app.lumbra.progress.domain;

import java.time.OffsetDateTime;

/** PROG-1: the immediate effect of one session, post − pre pain (negative means relief). */
public record SessionEffect(
    String sessionId, OffsetDateTime performedAt, int prePain, int postPain, int effect) {}
