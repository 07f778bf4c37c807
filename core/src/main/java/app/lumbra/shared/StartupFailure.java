package app.lumbra.shared;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lumbra cannot start with the configuration it was given. The message is one line for an operator:
 * what is wrong and how to fix it.
 */
public class StartupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

  /** Set by Payara Micro (and only by it) to the jar it was started from. */
  private static final String PAYARA_MICRO_BOOT_JAR = "fish.payara.micro.BootJar";

  /** {@code EX_CONFIG} of sysexits.h: the configuration is wrong. */
  static final int EXIT_CONFIGURATION_ERROR = 78;

  private StartupFailure(String message) {
    super(message, null, false, false);
  }

  /**
   * Reports {@code what} as the one line that explains why Lumbra cannot start. On Payara Micro
   * Lumbra is the whole process, and a runtime left serving nothing would only hide the problem, so
   * the process ends here with status 78; on a full server the caller throws the returned exception
   * and the deployment fails.
   */
  public static StartupFailure abort(String what) {
    String line = "Lumbra cannot start: " + what;
    LOG.log(Level.SEVERE, line);
    if (System.getProperty(PAYARA_MICRO_BOOT_JAR) != null) {
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        handler.flush();
      }
      // halt, not exit: shutdown hooks would wait for the deployment this thread is running.
      Runtime.getRuntime().halt(EXIT_CONFIGURATION_ERROR);
    }
    return new StartupFailure(line);
  }

  /** The innermost cause's message on one line, for operator messages. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
