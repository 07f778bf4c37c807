package app.lumbra.web.portal.security;

import app.lumbra.account.application.AccountService;
import app.lumbra.account.application.AccountView;
import app.lumbra.account.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/**
 * Checks portal sign-ins against the stored accounts (PBKDF2 hashes) and gives the account's roles
 * as the groups {@code clinician} and {@code admin}.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject AccountService accounts;

  /**
   * An EHR launch: the EHR named the user in a token response Lumbra fetched itself, so no password
   * is asked; the account must exist and be enabled, and keeps its own roles.
   */
  public CredentialValidationResult validate(EhrLaunchCredential credential) {
    return accounts
        .findByUsername(credential.username())
        .filter(AccountView::enabled)
        .map(
            account ->
                new CredentialValidationResult(
                    account.username(),
                    account.roles().stream().map(Role::group).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return accounts
        .verify(credential.getCaller(), credential.getPassword().getValue())
        .map(
            account ->
                new CredentialValidationResult(
                    account.username(),
                    account.roles().stream().map(Role::group).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
