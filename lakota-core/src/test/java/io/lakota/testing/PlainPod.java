package io.lakota.testing;

import io.lakota.storage.Pod;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pod that hides every optional capability of the pod it wraps: a stand-in for backends without compare-and-set
 * (a reference HTTP server, an S3 without conditional writes), on which concurrent writers fork and merge.
 */
public final class PlainPod extends ForwardingPod {
  private final AtomicReference<Runnable> beforeRevisionWrite;

  public PlainPod(Pod delegate) {
    this(delegate, new AtomicReference<>());
  }

  private PlainPod(Pod delegate, AtomicReference<Runnable> beforeRevisionWrite) {
    super(delegate);
    this.beforeRevisionWrite = beforeRevisionWrite;
  }

  /**
   * Runs {@code action} once, just before the next write of a revision file (a name with a dot) through this pod or
   * one {@code cd} derived from it: a deterministic race between a writer's head check and its write.
   */
  public void beforeNextRevisionWrite(Runnable action) {
    beforeRevisionWrite.set(action);
  }

  @Override
  public Pod cd(String path) {
    return new PlainPod(delegate.cd(path), beforeRevisionWrite);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    if (path.contains(".")) {
      Runnable action = beforeRevisionWrite.getAndSet(null);
      if (action != null) {
        action.run();
      }
    }
    return delegate.write(path, data, force);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
