package io.lakota;

import io.lakota.errors.ValidationException;

/**
 * Process-wide settings (SEMANTICS.md §2), read at call time. Thread-safe; tests change values and restore them.
 */
public final class Settings {
  private static final Settings INSTANCE = new Settings();

  private volatile boolean threaded = true;
  private volatile int maxThreads = 10;
  private volatile int embedMaxSize = 1024;
  private volatile int pageLen = 500_000;
  private volatile int defragMaxChunk = 4;
  private volatile int timeoutSeconds = 600;
  private volatile boolean verifyDigests = true;
  private volatile int bloscLevel = io.lakota.format.internal.Blosc.DEFAULT_LEVEL;

  private Settings() {}

  /** The settings of this process. */
  public static Settings get() {
    return INSTANCE;
  }

  /** Whether column encodes, segment reads and similar work run in a thread pool. */
  public boolean threaded() {
    return threaded;
  }

  public Settings threaded(boolean value) {
    threaded = value;
    return this;
  }

  /** Size of the thread pool. */
  public int maxThreads() {
    return maxThreads;
  }

  public Settings maxThreads(int value) {
    ValidationException.check(value > 0, "maxThreads must be > 0, got %d", value);
    maxThreads = value;
    return this;
  }

  /** Encoded arrays strictly smaller than this many bytes are embedded in the commit instead of stored as files. */
  public int embedMaxSize() {
    return embedMaxSize;
  }

  public Settings embedMaxSize(int value) {
    ValidationException.check(value >= 0, "embedMaxSize must be >= 0, got %d", value);
    embedMaxSize = value;
    return this;
  }

  /** Default page size of paginated reads and of defrag. */
  public int pageLen() {
    return pageLen;
  }

  public Settings pageLen(int value) {
    ValidationException.check(value > 0, "pageLen must be > 0, got %d", value);
    pageLen = value;
    return this;
  }

  /** Default {@code maxChunk} of defrag and squash. */
  public int defragMaxChunk() {
    return defragMaxChunk;
  }

  public Settings defragMaxChunk(int value) {
    ValidationException.check(value > 0, "defragMaxChunk must be > 0, got %d", value);
    defragMaxChunk = value;
    return this;
  }

  /** Seconds between a garbage collector's soft delete and its hard delete; trim's default horizon is twice it. */
  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  public Settings timeoutSeconds(int value) {
    ValidationException.check(value >= 0, "timeout must be >= 0, got %d", value);
    timeoutSeconds = value;
    return this;
  }

  /**
   * How long work that races the garbage collector may keep retrying (half of {@link #timeoutSeconds()}, at least
   * one second), in nanoseconds: a writer whose unreferenced data files a collection may bury, and a collection
   * re-reading changelogs that vanish under a trim.
   */
  long retryBudgetNanos() {
    return Math.max(1_000_000_000L, timeoutSeconds * 500_000_000L);
  }

  /**
   * Whether reads check decoded arrays against the digests that name them (FORMAT.md §7; default true). A damaged
   * file then fails the read instead of giving wrong values. Turning it off saves the SHA-1 pass over the decoded
   * bytes (about a third of a full read's CPU time); range reads check each cached array once either way when on.
   */
  public boolean verifyDigests() {
    return verifyDigests;
  }

  public Settings verifyDigests(boolean value) {
    verifyDigests = value;
    return this;
  }

  /**
   * The zstd level inside the blosc frames written (default 3). Level 9 reproduces the reference's sizes; level 3
   * is within 0.2 % of them at twice the encoding speed (docs/PERFORMANCE.md). Frames of every level are readable by
   * the reference.
   */
  public int bloscLevel() {
    return bloscLevel;
  }

  public Settings bloscLevel(int value) {
    ValidationException.check(value >= 1 && value <= 22, "bloscLevel must be within 1..22, got %d", value);
    bloscLevel = value;
    return this;
  }
}
