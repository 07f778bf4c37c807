package app.lumbra.fhir.security;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.client.application.ClientRegistry;
import app.lumbra.client.application.ClientView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whether a registered client was revoked (disabled) or an account deactivated, as the database
 * says, so that every instance of a cluster refuses them on their next request: a token stays valid
 * for its lifetime (up to five minutes) and a portal session for hours, so the signature alone is
 * not enough. Each instance remembers an answer for at most {@link #BOUND}: a revocation made on
 * any instance is refused everywhere within that time, and a client sending many requests costs one
 * primary-key read every {@link #BOUND} instead of one per request.
 *
 * <p>Only names the database knows are refused: a token of a configured external issuer whose
 * client or subject Lumbra has never registered is not Lumbra's to revoke.
 */
@ApplicationScoped
public class Revocations {

  /** How long an instance may act on an answer before asking the database again. */
  public static final Duration BOUND = Duration.ofSeconds(5);

  private static final int MAX_ENTRIES = 10_000;

  private ClientRegistry clients;
  private AccountService accounts;
  private Clock clock;
  private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

  private record Answer(boolean revoked, Instant until) {}

  /** For the CDI proxy only. */
  protected Revocations() {}

  @Inject
  public Revocations(ClientRegistry clients, AccountService accounts, Clock clock) {
    this.clients = clients;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Whether {@code clientId} is a registered client that was revoked. */
  public boolean clientRevoked(String clientId) {
    return clientId != null
        && remembered(
            "client:" + clientId,
            () -> clients.find(clientId).map(ClientView::enabled).map(enabled -> !enabled));
  }

  /** Whether {@code username} names an account that was deactivated. */
  public boolean accountDeactivated(String username) {
    return username != null
        && remembered(
            "account:" + username,
            () ->
                accounts
                    .findByUsername(username)
                    .map(AccountView::enabled)
                    .map(enabled -> !enabled));
  }

  /**
   * Why {@code token} is refused although its signature holds, or empty: its client was revoked, or
   * it acts for a user ({@code user/} scopes) whose account was deactivated.
   */
  public Optional<String> refusal(AccessToken token) {
    if (clientRevoked(token.clientId())) {
      return Optional.of("The client " + token.clientId() + " was revoked");
    }
    if (token.scopes().grants().stream()
            .anyMatch(grant -> grant.context() == SmartScopes.Context.USER)
        && accountDeactivated(token.subject())) {
      return Optional.of("The account " + token.subject() + " was deactivated");
    }
    return Optional.empty();
  }

  private boolean remembered(String key, Supplier<Optional<Boolean>> lookUp) {
    Instant now = clock.instant();
    Answer known = answers.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.revoked();
    }
    boolean revoked = lookUp.get().orElse(false);
    if (answers.size() >= MAX_ENTRIES) {
      answers.values().removeIf(answer -> !now.isBefore(answer.until()));
      if (answers.size() >= MAX_ENTRIES) {
        answers.clear();
      }
    }
    answers.put(key, new Answer(revoked, now.plus(BOUND)));
    return revoked;
  }
}
