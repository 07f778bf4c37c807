package app.lumbra.context.application;

import java.util.List;

/** One page of context records as their documents, with how many match in all. */
public record ContextPage(List<ContextView> records, int offset, int limit, long total) {

  public ContextPage {
    records = List.copyOf(records);
  }
}
