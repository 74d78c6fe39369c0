package io.lakota.testing;

import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.storage.PodPath;
import io.lakota.storage.SupportsCompareAndSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pod with compare-and-set on refs and no lock, like S3 with conditional writes: wraps a pod (whose own
 * capabilities it hides) and keeps refs in a map of its own, invisible to {@code ls} and {@code walk}. Refs are
 * shared by the pods {@code cd} derives. {@link #failNextPublish} simulates a writer that dies between winning the
 * compare-and-set and writing its revision file; {@link #unsupported} a backend that lacks the capability.
 */
public final class RefPod extends ForwardingPod implements SupportsCompareAndSet {
  private final String prefix;
  private final Map<String, Ref> refs;
  private final AtomicLong versions;
  private final AtomicLong failures;
  private final boolean supported;

  public RefPod(Pod inner) {
    this(new PlainPod(inner), PodPath.ROOT, new ConcurrentHashMap<>(), new AtomicLong(), new AtomicLong(), true);
  }

  private RefPod(PlainPod inner, String prefix, Map<String, Ref> refs, AtomicLong versions, AtomicLong failures,
      boolean supported) {
    super(inner);
    this.prefix = prefix;
    this.refs = refs;
    this.versions = versions;
    this.failures = failures;
    this.supported = supported;
  }

  /**
   * A pod that implements the interface but says its backend lacks compare-and-set (like an S3 server that ignores
   * conditional writes); its refs fail if used.
   */
  public static RefPod unsupported(Pod inner) {
    return new RefPod(new PlainPod(inner), PodPath.ROOT, new ConcurrentHashMap<>(), new AtomicLong(),
        new AtomicLong(), false);
  }

  @Override
  public boolean supportsCompareAndSet() {
    return supported;
  }

  /** The next {@code n} writes of revision files (names with a dot) fail with an exception. */
  public void failNextPublish(int n) {
    failures.set(n);
  }

  /** The number of refs. */
  public int refCount() {
    return refs.size();
  }

  @Override
  public Ref readRef(String name) {
    checkSupported();
    return refs.get(PodPath.join(prefix, PodPath.normalize(name)));
  }

  @Override
  public CommitResult compareAndSet(String name, String expectedVersion, byte[] update) {
    checkSupported();
    String key = PodPath.join(prefix, PodPath.normalize(name));
    Ref next = new Ref(update, Long.toString(versions.incrementAndGet()));
    if (expectedVersion == null) {
      return refs.putIfAbsent(key, next) == null ? CommitResult.COMMITTED : CommitResult.LOCK_FAILURE;
    }
    Ref[] seen = new Ref[1];
    refs.computeIfPresent(key, (k, current) -> {
      if (current.version().equals(expectedVersion)) {
        seen[0] = current;
        return next;
      }
      return current;
    });
    return seen[0] != null ? CommitResult.COMMITTED : CommitResult.LOCK_FAILURE;
  }

  private void checkSupported() {
    if (!supported) {
      throw new io.lakota.errors.StorageException(".", "Cannot use refs: compare-and-set is not supported");
    }
  }

  @Override
  public Pod cd(String path) {
    return new RefPod((PlainPod) delegate.cd(path), PodPath.join(prefix, PodPath.normalize(path)), refs, versions,
        failures, supported);
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    if (path.contains(".") && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new io.lakota.errors.StorageException(path, "Cannot write " + path + ": injected failure");
    }
    return delegate.write(path, data, force);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
