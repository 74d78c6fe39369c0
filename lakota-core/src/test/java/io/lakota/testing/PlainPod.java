package io.lakota.testing;

import io.lakota.storage.Pod;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pod that hides every optional capability of the pod it wraps: a stand-in for backends without compare-and-set
 * (a reference HTTP server, an S3 without conditional writes), on which concurrent writers fork and merge.
 */
public final class PlainPod implements Pod {
  private final Pod inner;
  private final AtomicReference<Runnable> beforeRevisionWrite;

  public PlainPod(Pod inner) {
    this(inner, new AtomicReference<>());
  }

  private PlainPod(Pod inner, AtomicReference<Runnable> beforeRevisionWrite) {
    this.inner = inner;
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
  public String kind() {
    return inner.kind();
  }

  @Override
  public Pod cd(String path) {
    return new PlainPod(inner.cd(path), beforeRevisionWrite);
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    return inner.ls(path, missingOk);
  }

  @Override
  public byte[] read(String path) {
    return inner.read(path);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    if (path.contains(".")) {
      Runnable action = beforeRevisionWrite.getAndSet(null);
      if (action != null) {
        action.run();
      }
    }
    return inner.write(path, data, force);
  }

  @Override
  public boolean isDir(String path) {
    return inner.isDir(path);
  }

  @Override
  public boolean isFile(String path) {
    return inner.isFile(path);
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    inner.rm(path, recursive, missingOk);
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    inner.mv(from, to, missingOk);
  }

  @Override
  public List<String> walk(int maxDepth) {
    return inner.walk(maxDepth);
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
