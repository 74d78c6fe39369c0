package io.lakota.testing;

import io.lakota.storage.Pod;
import java.util.List;

/**
 * Base of the test pods that wrap another pod to inject failures, hooks or capabilities: every operation forwards
 * to {@link #delegate}, so a subclass overrides only what it changes. {@code cd} stays abstract because each wrapper
 * must wrap the derived pod too.
 */
public abstract class ForwardingPod implements Pod {
  protected final Pod delegate;

  protected ForwardingPod(Pod delegate) {
    this.delegate = delegate;
  }

  @Override
  public String kind() {
    return delegate.kind();
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
}
