package app.lumbra.adherence.domain;

import java.util.List;

/** The result of adherence analysis (ADH-1..3). */
public record AdherenceReport(
    Attendance attendance,
    List<SessionGap> gaps,
    List<HomeCareAdherence> homeCare,
    List<AdherenceFlag> flags) {

  public AdherenceReport {
    gaps = List.copyOf(gaps);
    homeCare = List.copyOf(homeCare);
    flags = List.copyOf(flags);
  }

  public boolean hasOngoingGap() {
    return gaps.stream().anyMatch(SessionGap::ongoing);
  }
}
