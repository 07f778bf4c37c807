package app.lumbra.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.Test;

/**
 * The wrapper of {@link FhirSkipsFormSignIn}: only unconstrained requests to the FHIR servlet skip
 * the form sign-in; everything else, constrained FHIR paths included, goes to it unchanged.
 */
class FhirSkipsFormSignInTest {

  private final List<String> formSignInCalls = new ArrayList<>();
  private final List<Callback> callbacks = new ArrayList<>();
  private final FhirSkipsFormSignIn.Context context =
      new FhirSkipsFormSignIn.Context(
          new RecordingFormSignIn(), handled -> callbacks.addAll(List.of(handled)));

  @Test
  void anUnconstrainedFhirRequestPassesUnauthenticatedWithoutTheFormSignIn() throws Exception {
    MessageInfo fhir = message("/fhir", false);
    Subject client = new Subject();

    assertThat(context.validateRequest(fhir, client, null)).isEqualTo(AuthStatus.SUCCESS);
    assertThat(context.secureResponse(fhir, null)).isEqualTo(AuthStatus.SEND_SUCCESS);

    assertThat(formSignInCalls).isEmpty();
    assertThat(callbacks).singleElement().isInstanceOf(CallerPrincipalCallback.class);
    CallerPrincipalCallback caller = (CallerPrincipalCallback) callbacks.get(0);
    assertThat(caller.getName()).isNull();
    assertThat(caller.getPrincipal()).isNull();
    assertThat(caller.getSubject()).isSameAs(client);
  }

  @Test
  void portalRequestsGoToTheFormSignIn() throws Exception {
    MessageInfo portal = message("/portal/patients.xhtml", true);

    assertThat(context.validateRequest(portal, new Subject(), null))
        .isEqualTo(AuthStatus.SEND_CONTINUE);
    assertThat(context.secureResponse(portal, null)).isEqualTo(AuthStatus.SEND_CONTINUE);

    assertThat(formSignInCalls).containsExactly("validateRequest", "secureResponse");
    assertThat(callbacks).isEmpty();
  }

  @Test
  void aFhirPathUnderASecurityConstraintStillGoesToTheFormSignIn() throws Exception {
    MessageInfo constrained = message("/fhir", true);

    assertThat(context.validateRequest(constrained, new Subject(), null))
        .isEqualTo(AuthStatus.SEND_CONTINUE);

    assertThat(formSignInCalls).containsExactly("validateRequest");
  }

  @Test
  void aPathThatOnlyStartsLikeFhirGoesToTheFormSignIn() throws Exception {
    assertThat(context.validateRequest(message("/fhirish", false), new Subject(), null))
        .isEqualTo(AuthStatus.SEND_CONTINUE);
    assertThat(context.validateRequest(message("", false), new Subject(), null))
        .isEqualTo(AuthStatus.SEND_CONTINUE);

    assertThat(formSignInCalls).hasSize(2);
  }

  /** A request that the container mapped to {@code servletPath}. */
  private static MessageInfo message(String servletPath, boolean mandatory) {
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                FhirSkipsFormSignInTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getServletPath")) {
                    return servletPath;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    Map<Object, Object> map = new HashMap<>();
    if (mandatory) {
      map.put(FhirSkipsFormSignIn.IS_MANDATORY, "true");
    }
    return new MessageInfo() {
      @Override
      public Object getRequestMessage() {
        return request;
      }

      @Override
      public Object getResponseMessage() {
        return null;
      }

      @Override
      public void setRequestMessage(Object message) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void setResponseMessage(Object message) {
        throw new UnsupportedOperationException();
      }

      @Override
      @SuppressWarnings("rawtypes")
      public Map getMap() {
        return map;
      }
    };
  }

  /** Stands in for the form sign-in: records each call and asks to continue (a sign-in page). */
  private final class RecordingFormSignIn implements ServerAuthContext {
    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) {
      formSignInCalls.add("validateRequest");
      return AuthStatus.SEND_CONTINUE;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
      formSignInCalls.add("secureResponse");
      return AuthStatus.SEND_CONTINUE;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
      formSignInCalls.add("cleanSubject");
    }
  }
}
