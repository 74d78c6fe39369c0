package io.lakota.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the command line: libraries that log through SLF4J (parquet-java, for {@code -T parquet})
 * log through {@link System.Logger} like the rest of Lakota, so their lines obey {@code -v}/{@code -vv} and look like
 * every other log line (CLI.md §6). Without a binding SLF4J would print a warning on stderr, which scripts would
 * see. Registered as a service ({@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}).
 */
public final class Slf4jProvider implements SLF4JServiceProvider {
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, SystemLoggerAdapter::new);
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** The service constructor. */
  public Slf4jProvider() {}

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** One SLF4J logger writing to the {@link System.Logger} of the same name. */
  private static final class SystemLoggerAdapter extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient System.Logger target;

    SystemLoggerAdapter(String name) {
      this.name = name;
      this.target = System.getLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
      return target.isLoggable(System.Logger.Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return target.isLoggable(System.Logger.Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return target.isLoggable(System.Logger.Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return target.isLoggable(System.Logger.Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
      return target.isLoggable(System.Logger.Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      if (throwable == null) {
        target.log(level(level), message);
      } else {
        target.log(level(level), message, throwable);
      }
    }

    private static System.Logger.Level level(Level level) {
      switch (level) {
        case ERROR:
          return System.Logger.Level.ERROR;
        case WARN:
          return System.Logger.Level.WARNING;
        case INFO:
          return System.Logger.Level.INFO;
        case DEBUG:
          return System.Logger.Level.DEBUG;
        default:
          return System.Logger.Level.TRACE;
      }
    }
  }
}
