package app.lumbra.ehrlaunch.application;

import app.lumbra.ehrlaunch.domain.ConfiguredEhr;
import app.lumbra.ehrlaunch.domain.ConfiguredEhrs;
import app.lumbra.ehrlaunch.domain.LaunchingEhr;
import app.lumbra.ehrlaunch.domain.LaunchingEhrRepository;
import app.lumbra.shared.InvalidValueException;
import app.lumbra.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The EHRs allowed to launch the portal: those named in configuration and those an administrator
 * registered (administrators only, enforced by the callers). An {@code iss} that is neither is
 * refused: Lumbra never follows a launch to an authorization server it was not told to trust.
 *
 * <p>Registered EHRs are read from the database at every launch, never remembered by an instance,
 * so one registered or removed on one instance of a cluster is known to every other at once. An
 * issuer or a name belongs to one EHR only, whichever source names it.
 */
@ApplicationScoped
@Transactional
public class LaunchingEhrs {

  private LaunchingEhrRepository stored;
  private ConfiguredEhrs configured;
  private Clock clock;

  /** For the CDI proxy only. */
  protected LaunchingEhrs() {}

  @Inject
  public LaunchingEhrs(LaunchingEhrRepository stored, ConfiguredEhrs configured, Clock clock) {
    this.stored = stored;
    this.configured = configured;
    this.clock = clock;
  }

  /**
   * Registers an EHR; nothing is stored when it is refused.
   *
   * @throws InvalidValueException naming the field: a value against {@link LaunchingEhr}'s rules, a
   *     name or an issuer another EHR (configured or registered) already has
   */
  public LaunchingEhrView register(@NotNull RegisterLaunchingEhr command) {
    LaunchingEhr ehr =
        LaunchingEhr.register(
            command.name(),
            command.issuer(),
            command.clientId(),
            command.userClaim(),
            command.administrator(),
            clock);
    Optional<LaunchingEhrView> sameName = byName(ehr.name());
    if (sameName.isPresent()) {
      throw new InvalidValueException(
          "name", ehr.name(), "a name no other EHR has" + source(sameName.get()));
    }
    Optional<LaunchingEhrView> sameIssuer = forIssuer(ehr.issuer());
    if (sameIssuer.isPresent()) {
      throw new InvalidValueException(
          "issuer",
          ehr.issuer(),
          "an issuer no other EHR launches with (EHR "
              + sameIssuer.get().name()
              + " has it"
              + source(sameIssuer.get())
              + ")");
    }
    stored.add(ehr);
    return LaunchingEhrView.of(ehr);
  }

  /**
   * Removes a registered EHR: its launches are refused from then on.
   *
   * @throws NotFoundException when no EHR of that name was registered
   * @throws InvalidValueException when the EHR is named in configuration (changed only there)
   */
  public LaunchingEhrView remove(@NotNull String name) {
    Optional<LaunchingEhr> ehr = stored.find(name);
    if (ehr.isEmpty()) {
      if (configured.ehrs().stream().anyMatch(c -> c.name().equals(name))) {
        throw new InvalidValueException(
            "name",
            name,
            "a registered EHR; this one is from configuration and changes only there");
      }
      throw new NotFoundException("EHR", name);
    }
    stored.remove(ehr.get());
    return LaunchingEhrView.of(ehr.get());
  }

  /** Every EHR allowed to launch: the configured ones first, then the registered ones by name. */
  public List<LaunchingEhrView> list() {
    List<LaunchingEhrView> all = new ArrayList<>();
    configured.ehrs().stream().map(LaunchingEhrView::of).forEach(all::add);
    stored.list().stream().map(LaunchingEhrView::of).forEach(all::add);
    return all;
  }

  /** The EHR launching with {@code iss} (a trailing slash aside), configured or registered. */
  public Optional<LaunchingEhrView> forIssuer(String iss) {
    if (iss == null || iss.isBlank()) {
      return Optional.empty();
    }
    String wanted = LaunchingEhr.withoutSlash(iss.strip());
    for (ConfiguredEhr ehr : configured.ehrs()) {
      if (ehr.issuer().equals(wanted)) {
        return Optional.of(LaunchingEhrView.of(ehr));
      }
    }
    return stored.findByIssuer(wanted).map(LaunchingEhrView::of);
  }

  private Optional<LaunchingEhrView> byName(String name) {
    for (ConfiguredEhr ehr : configured.ehrs()) {
      if (ehr.name().equalsIgnoreCase(name)) {
        return Optional.of(LaunchingEhrView.of(ehr));
      }
    }
    return stored.list().stream()
        .filter(ehr -> ehr.name().equalsIgnoreCase(name))
        .findFirst()
        .map(LaunchingEhrView::of);
  }

  private static String source(LaunchingEhrView ehr) {
    return ehr.fromConfiguration() ? ", from configuration" : "";
  }
}
