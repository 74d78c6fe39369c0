package io.lakota.server;

import io.lakota.storage.Pod;
import io.lakota.testing.ForwardingPod;

/** Delegates to a pod, pausing before every write: stretches a client write so that a test can interrupt it. */
final class SlowWritesPod extends ForwardingPod {
  private final long pauseMillis;

  SlowWritesPod(Pod pod, long pauseMillis) {
    super(pod);
    this.pauseMillis = pauseMillis;
  }

  @Override
  public Pod cd(String path) {
    return new SlowWritesPod(delegate.cd(path), pauseMillis);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    try {
      Thread.sleep(pauseMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return delegate.write(path, data, force);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
