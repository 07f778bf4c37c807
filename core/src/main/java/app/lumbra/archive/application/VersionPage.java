package app.lumbra.archive.application;

import java.util.List;

/** One page of archived versions, where it starts and how many there are in all. */
public record VersionPage(List<VersionView> versions, int offset, int limit, long total) {

  public VersionPage {
    versions = List.copyOf(versions);
  }
}
