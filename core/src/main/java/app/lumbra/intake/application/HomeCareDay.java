package app.lumbra.intake.application;

import app.lumbra.homecare.application.HomeCareLogView;
import app.lumbra.homecare.application.HomeCareService;
import app.lumbra.homecare.application.LogHomeCare;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Home care of one day, every task at once (ADH-3): all entries are logged or none. */
@ApplicationScoped
@Transactional
public class HomeCareDay {

  @Inject HomeCareService homeCare;

  public List<HomeCareLogView> log(@NotNull List<@NotNull @Valid LogHomeCare> entries) {
    return entries.stream().map(homeCare::log).toList();
  }
}
