package app.lumbra.web.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Keeps the portal's form sign-in out of FHIR requests.
 *
 * <p>The container asks the web module's authentication (Jakarta Security's form sign-in, behind
 * Jakarta Authentication) about every request, {@code /fhir} included, although FHIR requests are
 * authenticated by their bearer token inside the FHIR server and never by a portal session. For an
 * unconstrained request the form sign-in does nothing, at a price: the bridge looks the CDI
 * BeanManager up in JNDI twice per request, about a tenth of the CPU of a read by id.
 *
 * <p>At start-up this listener wraps the registered authentication with Jakarta Authentication's
 * standard provider API. A request that the container mapped to the FHIR servlet, and that no
 * security constraint covers, is passed on unauthenticated at once, as the form sign-in would have
 * passed it; every other request goes to the form sign-in unchanged.
 */
@WebListener
public class FhirSkipsFormSignIn implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(FhirSkipsFormSignIn.class.getName());

  /** Jakarta Authentication's message layer of the Servlet container profile. */
  static final String LAYER = "HttpServlet";

  /** The FHIR servlet's path ({@code @WebServlet("/fhir/*")} of the FHIR endpoint). */
  static final String FHIR_SERVLET_PATH = "/fhir";

  /** The profile's key for "this resource is covered by a security constraint". */
  static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    String appContext = context.getVirtualServerName() + " " + context.getContextPath();
    AuthConfigFactory factory = AuthConfigFactory.getFactory();
    AuthConfigProvider formSignIn = factory.getConfigProvider(LAYER, appContext, null);
    if (formSignIn == null) {
      // No Jakarta Security mechanism was registered: nothing to skip, nothing to wrap.
      LOG.warning("No authentication is registered for " + appContext + "; FHIR skips nothing");
      return;
    }
    factory.registerConfigProvider(
        new Provider(formSignIn),
        LAYER,
        appContext,
        "Lumbra: the portal's form sign-in, skipped for /fhir (bearer tokens)");
  }

  /** Whether a request is a FHIR request that no security constraint covers. */
  static boolean skips(MessageInfo message) {
    if (!(message.getRequestMessage() instanceof HttpServletRequest request)) {
      return false;
    }
    Map<?, ?> map = message.getMap();
    boolean mandatory = map != null && Boolean.parseBoolean(String.valueOf(map.get(IS_MANDATORY)));
    return !mandatory && FHIR_SERVLET_PATH.equals(request.getServletPath());
  }

  /** The registered provider, with its server authentication contexts wrapped. */
  record Provider(AuthConfigProvider formSignIn) implements AuthConfigProvider {
    @Override
    public ClientAuthConfig getClientAuthConfig(
        String layer, String appContext, CallbackHandler handler) throws AuthException {
      return formSignIn.getClientAuthConfig(layer, appContext, handler);
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(
        String layer, String appContext, CallbackHandler handler) throws AuthException {
      return new Config(formSignIn.getServerAuthConfig(layer, appContext, handler), handler);
    }

    @Override
    public void refresh() {
      formSignIn.refresh();
    }
  }

  /** The registered configuration, handing out wrapped contexts. */
  record Config(ServerAuthConfig formSignIn, CallbackHandler handler) implements ServerAuthConfig {
    @Override
    public ServerAuthContext getAuthContext(
        String authContextId, Subject serviceSubject, @SuppressWarnings("rawtypes") Map properties)
        throws AuthException {
      return new Context(
          formSignIn.getAuthContext(authContextId, serviceSubject, properties), handler);
    }

    @Override
    public String getMessageLayer() {
      return formSignIn.getMessageLayer();
    }

    @Override
    public String getAppContext() {
      return formSignIn.getAppContext();
    }

    @Override
    public String getAuthContextID(MessageInfo messageInfo) {
      return formSignIn.getAuthContextID(messageInfo);
    }

    @Override
    public void refresh() {
      formSignIn.refresh();
    }

    @Override
    public boolean isProtected() {
      return formSignIn.isProtected();
    }
  }

  /** The form sign-in for everything but unconstrained FHIR requests. */
  record Context(ServerAuthContext formSignIn, CallbackHandler handler)
      implements ServerAuthContext {
    @Override
    public AuthStatus validateRequest(
        MessageInfo message, Subject clientSubject, Subject serviceSubject) throws AuthException {
      if (!skips(message)) {
        return formSignIn.validateRequest(message, clientSubject, serviceSubject);
      }
      // What the form sign-in does for an unconstrained request: no caller, and carry on.
      try {
        if (handler != null) {
          handler.handle(
              new Callback[] {new CallerPrincipalCallback(clientSubject, (String) null)});
        }
      } catch (IOException | UnsupportedCallbackException e) {
        throw (AuthException) new AuthException(e.getMessage()).initCause(e);
      }
      return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject serviceSubject)
        throws AuthException {
      return skips(message)
          ? AuthStatus.SEND_SUCCESS
          : formSignIn.secureResponse(message, serviceSubject);
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
      formSignIn.cleanSubject(message, subject);
    }
  }
}
