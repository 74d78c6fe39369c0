package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The SLF4J 1.7 binding of the command line: parquet-java logs through SLF4J, and without a binding SLF4J prints a
 * three-line warning on stderr the first time Parquet is used ({@code export -T parquet}), which scripts would see.
 * Parquet's messages are internal details of a file being written or read, so they are dropped.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {
  /** The SLF4J API version this binding is compiled for (read by SLF4J's version check). */
  public static String REQUESTED_API_VERSION = "1.6.99";

  private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();
  private final ILoggerFactory factory = new NOPLoggerFactory();

  private StaticLoggerBinder() {}

  /** The binding SLF4J asks for. */
  public static StaticLoggerBinder getSingleton() {
    return SINGLETON;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public String getLoggerFactoryClassStr() {
    return NOPLoggerFactory.class.getName();
  }
}
