package io.lakota.testing;

import io.lakota.errors.StorageException;
import io.lakota.storage.Pod;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pod that fails like a dying backend: the first {@code allowed} writes (through this pod or any pod obtained by
 * {@code cd}) succeed, every later one throws a {@link StorageException} without writing. Everything else
 * delegates. Used to interrupt pulls at every possible point.
 */
public final class FailingPod implements Pod {
  private final Pod delegate;
  private final AtomicInteger left;
  private final AtomicInteger attempts;

  public FailingPod(Pod delegate, int allowed) {
    this(delegate, new AtomicInteger(allowed), new AtomicInteger());
  }

  private FailingPod(Pod delegate, AtomicInteger left, AtomicInteger attempts) {
    this.delegate = delegate;
    this.left = left;
    this.attempts = attempts;
  }

  /** The writes attempted so far through this pod and the pods obtained from it by {@code cd}. */
  public int attempts() {
    return attempts.get();
  }

  @Override
  public String kind() {
    return delegate.kind();
  }

  @Override
  public Pod cd(String path) {
    return new FailingPod(delegate.cd(path), left, attempts);
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    return delegate.ls(path, missingOk);
  }

  @Override
  public byte[] read(String path) {
    return delegate.read(path);
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
  public boolean isDir(String path) {
    return delegate.isDir(path);
  }

  @Override
  public boolean isFile(String path) {
    return delegate.isFile(path);
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    delegate.rm(path, recursive, missingOk);
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    delegate.mv(from, to, missingOk);
  }

  @Override
  public List<String> walk(int maxDepth) {
    return delegate.walk(maxDepth);
  }

  @Override
  public String toString() {
    return "failing " + delegate;
  }
}
