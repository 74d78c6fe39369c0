package io.lakota.testing;

import io.lakota.storage.Pod;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pod that calls a hook before each write (through it or any pod obtained by {@code cd}), with the written path
 * relative to that pod; everything delegates. Lets a test act "concurrently" at an exact point of an operation.
 */
public final class HookPod implements Pod {
  private final Pod delegate;
  private final Consumer<String> beforeWrite;

  public HookPod(Pod delegate, Consumer<String> beforeWrite) {
    this.delegate = delegate;
    this.beforeWrite = beforeWrite;
  }

  @Override
  public String kind() {
    return delegate.kind();
  }

  @Override
  public Pod cd(String path) {
    return new HookPod(delegate.cd(path), beforeWrite);
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
    beforeWrite.accept(path);
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
    return "hooked " + delegate;
  }
}
