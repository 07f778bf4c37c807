package app.lumbra.web.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in for the portal. Which pages need it is declared in {@code web.xml} (everything under
 * {@code /portal/} except the sign-in page); {@code /fhir} and {@code /health} are not constrained
 * and so never see this mechanism. The sign-in page calls {@link
 * jakarta.security.enterprise.SecurityContext#authenticate} itself ({@link SignIn}), so the form is
 * a Faces form with its view-state token.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = PortalSecurity.SIGN_IN_PAGE,
            errorPage = "",
            useForwardToLogin = false))
@DeclareRoles({PortalSecurity.CLINICIAN, PortalSecurity.ADMIN})
@FacesConfig
@ApplicationScoped
public class PortalSecurity {
  public static final String SIGN_IN_PAGE = "/portal/login.xhtml";
  public static final String HOME_PAGE = "/portal/patients.xhtml";
  public static final String CLINICIAN = "clinician";
  public static final String ADMIN = "admin";
}
