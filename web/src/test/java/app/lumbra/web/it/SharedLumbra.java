package app.lumbra.web.it;

import java.io.IOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running Lumbra (embedded H2) shared by every black-box IT of a test run, so the suite pays
 * for one server start-up. Use {@code @ExtendWith(SharedLumbra.class)} and take a {@link
 * LumbraProcess} parameter (constructor, lifecycle or test method), or call {@link #server()}.
 * Tests sharing it create their own data and never assume an empty database.
 */
public final class SharedLumbra implements BeforeAllCallback, ParameterResolver {
  private static final String KEY = SharedLumbra.class.getName();

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    started(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LumbraProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return started(context);
  }

  /** The shared server of this test run; started on first use. */
  public static LumbraProcess server(ExtensionContext context) {
    return started(context);
  }

  private static LumbraProcess started(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    return store.getOrComputeIfAbsent(KEY, key -> new Running(), Running.class).server();
  }

  /** Closed by JUnit when the whole run ends. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final LumbraProcess server;

    Running() {
      try {
        server = LumbraProcess.onEmbeddedDatabase("shared").start();
      } catch (IOException e) {
        throw new IllegalStateException("could not start the shared Lumbra server", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the shared Lumbra server", e);
      }
    }

    LumbraProcess server() {
      return server;
    }

    @Override
    public void close() throws InterruptedException {
      server.stop();
    }
  }
}
