package io.lakota.testing;

import io.lakota.errors.StorageException;
import io.lakota.storage.Pod;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pod that fails like a dying backend: the first {@code allowed} writes (through this pod or any pod obtained by
 * {@code cd}) succeed, every later one throws a {@link StorageException} without writing. Everything else
 * delegates. Used to interrupt pulls at every possible point.
 */
public final class FailingPod extends ForwardingPod {
    private final AtomicInteger left;
  private final AtomicInteger attempts;

  public FailingPod(Pod delegate, int allowed) {
    this(delegate, new AtomicInteger(allowed), new AtomicInteger());
  }

  private FailingPod(Pod delegate, AtomicInteger left, AtomicInteger attempts) {
    super(delegate);
    this.left = left;
    this.attempts = attempts;
  }

  /** The writes attempted so far through this pod and the pods obtained from it by {@code cd}. */
  public int attempts() {
    return attempts.get();
  }

  @Override
  public Pod cd(String path) {
    return new FailingPod(delegate.cd(path), left, attempts);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    attempts.incrementAndGet();
    if (left.getAndDecrement() <= 0) {
      throw new StorageException(path, "Cannot write " + path + ": injected failure");
    }
    return delegate.write(path, data, force);
  }

  @Override
  public String toString() {
    return "failing " + delegate;
  }
}
