package io.lakota.server.logging;

import java.lang.System.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger writing to the {@code System.Logger} of the same name. Thread-safe. */
final class SystemLoggerAdapter extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private final transient Logger logger;

  SystemLoggerAdapter(String name) {
    this.name = name;
    this.logger = System.getLogger(name);
  }

  @Override
  public boolean isTraceEnabled() {
    return logger.isLoggable(Logger.Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return logger.isLoggable(Logger.Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return logger.isLoggable(Logger.Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return logger.isLoggable(Logger.Level.WARNING);
  }

  @Override
  public boolean isErrorEnabled() {
    return logger.isLoggable(Logger.Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    Logger.Level target = switch (level) {
      case TRACE -> Logger.Level.TRACE;
      case DEBUG -> Logger.Level.DEBUG;
      case INFO -> Logger.Level.INFO;
      case WARN -> Logger.Level.WARNING;
      case ERROR -> Logger.Level.ERROR;
    };
    if (throwable == null) {
      logger.log(target, message);
    } else {
      logger.log(target, message, throwable);
    }
  }
}
