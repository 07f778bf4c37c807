package app.lumbra.progress.domain;

import java.time.LocalDate;

/** The mean pain level of one day and how many readings it rests on. */
public record DailyPain(LocalDate day, double mean, int readings) {}
