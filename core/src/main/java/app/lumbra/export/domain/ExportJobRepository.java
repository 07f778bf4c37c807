package app.lumbra.export.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Export jobs by id; the ones whose files expired. */
public interface ExportJobRepository {

  Optional<ExportJob> find(String id);

  void add(ExportJob job);

  /** Jobs that expired at {@code now} or before, oldest first. */
  List<ExportJob> expiredAt(OffsetDateTime now);

  void remove(ExportJob job);
}
