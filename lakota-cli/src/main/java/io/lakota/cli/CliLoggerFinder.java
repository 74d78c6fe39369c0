package io.lakota.cli;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Routes the library's {@link System.Logger} calls to {@link CliLog} (registered in
 * {@code META-INF/services/java.lang.System$LoggerFinder}). Besides the reference's line format, this keeps
 * {@code java.util.logging} out of the start-up path of every command.
 */
public final class CliLoggerFinder extends System.LoggerFinder {

  @Override
  public System.Logger getLogger(String name, Module module) {
    return new Logger(name);
  }

  /** A logger printing through {@link CliLog}. */
  private record Logger(String name) implements System.Logger {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return CliLog.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      if (isLoggable(level)) {
        CliLog.print(level, thrown == null ? msg : msg + ": " + thrown);
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        CliLog.print(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params));
      }
    }
  }
}
