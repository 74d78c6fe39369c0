package io.lakota.server;

import io.lakota.storage.Pod;
import java.util.List;

/** Delegates to a pod, pausing before every write: stretches a client write so that a test can interrupt it. */
final class SlowWritesPod implements Pod {
  private final Pod pod;
  private final long pauseMillis;

  SlowWritesPod(Pod pod, long pauseMillis) {
    this.pod = pod;
    this.pauseMillis = pauseMillis;
  }

  @Override
  public String kind() {
    return pod.kind();
  }

  @Override
  public Pod cd(String path) {
    return new SlowWritesPod(pod.cd(path), pauseMillis);
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    return pod.ls(path, missingOk);
  }

  @Override
  public byte[] read(String path) {
    return pod.read(path);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    try {
      Thread.sleep(pauseMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return pod.write(path, data, force);
  }

  @Override
  public boolean isDir(String path) {
    return pod.isDir(path);
  }

  @Override
  public boolean isFile(String path) {
    return pod.isFile(path);
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    pod.rm(path, recursive, missingOk);
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    pod.mv(from, to, missingOk);
  }

  @Override
  public List<String> walk(int maxDepth) {
    return pod.walk(maxDepth);
  }

  @Override
  public String toString() {
    return pod.toString();
  }
}
