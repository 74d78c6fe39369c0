package io.lakota.testing;

import io.lakota.storage.Pod;
import java.util.function.Consumer;

/**
 * A pod that calls a hook before each write (through it or any pod obtained by {@code cd}), with the written path
 * relative to that pod; everything delegates. Lets a test act "concurrently" at an exact point of an operation.
 */
public final class HookPod extends ForwardingPod {
    private final Consumer<String> beforeWrite;

  public HookPod(Pod delegate, Consumer<String> beforeWrite) {
    super(delegate);
    this.beforeWrite = beforeWrite;
  }

  @Override
  public Pod cd(String path) {
    return new HookPod(delegate.cd(path), beforeWrite);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    beforeWrite.accept(path);
    return delegate.write(path, data, force);
  }

  @Override
  public String toString() {
    return "hooked " + delegate;
  }
}
