package io.lakota.server.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Sends Jetty's SLF4J logging to {@code System.Logger}, the only logging API of the Lakota library, so that the
 * server needs no logging framework and its lines go where the application sends the library's (the CLI prints
 * them on stderr). Registered with {@link java.util.ServiceLoader}; an application that brings its own SLF4J
 * binding should exclude it.
 */
public final class SystemLoggerProvider implements SLF4JServiceProvider {
  private final ILoggerFactory loggers = name -> new SystemLoggerAdapter(name);
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
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
  public void initialize() {
    // nothing to set up: loggers are made on demand
  }
}
