package io.lakota.s3;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.storage.PodMetrics;
import io.lakota.storage.PodPath;
import io.lakota.storage.SupportsCompareAndSet;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A pod on an S3 bucket (the reference's {@code S3POD}, HTTP.md §3), kind {@code "S3POD"}: the repository tree is
 * mapped one to one onto object keys {@code <prefix>/<relative path>}, so that this implementation and the
 * reference share a bucket.
 *
 * <p>Folders exist only as key prefixes: an emptied folder disappears and listing a missing folder gives an empty
 * list. Files are write-once: where the server honours {@code If-None-Match: *} (probed once per URI, see
 * {@link S3Bucket#conditionalWrites}) two concurrent writers of one path have exactly one winner; elsewhere the
 * pod checks then puts, as the reference does. Writes and moves refuse to put a file where a folder is, or below a
 * file, like the other pods (at the cost of a listing and, the first time a folder is seen, a HEAD per parent).
 * {@code mv} is a copy then a delete (not atomic). Recursive removals list without delimiter and delete in batches
 * of 1000.
 *
 * <p>Where the server honours {@code If-None-Match: *}, the pod offers compare-and-set on refs
 * ({@link SupportsCompareAndSet}, see {@link S3Refs}), kept below {@code .lakota-tmp/refs/} under the repository
 * root: that folder is reserved, and hidden from {@code ls} and {@code walk}. Elsewhere
 * {@link #supportsCompareAndSet()} is false and the core commits as on a plain pod (docs/s3.md).
 *
 * <p>Requests in flight are bounded per URI ({@code max_requests}); throttling, 5xx and I/O errors are retried with
 * exponential backoff ({@code retries}). A missing bucket, refused credentials and an unreachable endpoint fail
 * with a {@link StorageException} that says so. Thread-safe; pods made by {@link #cd} share the client.
 */
public final class S3Pod implements SupportsCompareAndSet {
  /** The metrics kind of S3 pods. */
  public static final String KIND = "S3POD";

  private static final System.Logger LOG = System.getLogger("lakota");

  private final S3Bucket bucket;
  private final S3Refs refs;
  /** The full key of this pod's root: the URI's prefix joined with the {@code cd} path. */
  private final String base;

  private S3Pod(S3Bucket bucket, String base) {
    this.bucket = bucket;
    this.refs = new S3Refs(bucket);
    this.base = base;
  }

  /**
   * The pod of an {@code s3://} URI (see {@link S3Location} for its forms and options). The client is built at
   * once; nothing is requested until the first operation.
   *
   * @throws io.lakota.errors.ValidationException when the URI is malformed
   */
  public static S3Pod open(String uri) {
    return open(S3Location.parse(uri));
  }

  /** The pod of a parsed location. */
  public static S3Pod open(S3Location location) {
    return new S3Pod(new S3Bucket(S3Clients.create(location), location), location.prefix());
  }

  /**
   * A pod on {@code bucket}/{@code prefix} through a client configured by the caller (who keeps ownership of it),
   * with the default request bound and conditional writes where the server supports them.
   */
  public static S3Pod of(S3Client client, String bucket, String prefix) {
    Objects.requireNonNull(client, "client");
    S3Location location =
        S3Location.parse("s3:///" + Objects.requireNonNull(bucket, "bucket") + "/" + Objects.requireNonNull(prefix));
    return new S3Pod(new S3Bucket(client, location), location.prefix());
  }

  /** The bucket name. */
  public String bucket() {
    return bucket.name();
  }

  /** The key prefix of this pod's root ({@code ""} at the bucket root). */
  public String prefix() {
    return base;
  }

  /**
   * True if the server refuses a conditional put on an existing key, which makes write-once writes race-free. The
   * first call probes the server.
   */
  public boolean conditionalWrites() {
    return bucket.conditionalWrites(".");
  }

  /**
   * True if the server honours {@code If-None-Match: *} (the probe of {@link #conditionalWrites()}), on which the
   * refs are built; false with {@code conditional_write=false}.
   */
  @Override
  public boolean supportsCompareAndSet() {
    return conditionalWrites();
  }

  /**
   * {@inheritDoc}
   *
   * <p>One listing of the ref's versions and one GET.
   */
  @Override
  public Ref readRef(String name) {
    String rel = refName(name);
    return refs.read(PodPath.display(rel), refs.folder(rel));
  }

  /**
   * {@inheritDoc}
   *
   * <p>One conditional PUT and one listing (plus a batch delete of old versions every {@value S3Refs#KEEP} steps).
   *
   * @throws StorageException when the server does not honour conditional writes
   */
  @Override
  public CommitResult compareAndSet(String name, String expectedVersion, byte[] update) {
    String rel = refName(name);
    String shown = PodPath.display(rel);
    if (!conditionalWrites()) {
      throw new StorageException(shown, "Cannot update ref " + shown + ": " + this
          + " does not honour conditional writes (If-None-Match)");
    }
    return refs.compareAndSet(shown, refs.folder(rel), expectedVersion, update);
  }

  /** The path of a ref relative to the repository root. */
  private String refName(String name) {
    String rel = PodPath.normalize(name);
    if (rel.isEmpty()) {
      throw new InvalidPathException(name, "names the pod root, not a ref");
    }
    String full = key(rel);
    String root = bucket.root();
    return root.isEmpty() ? full : full.substring(root.length() + 1);
  }

  /** The bucket state shared by this pod family, for tests. */
  S3Bucket backend() {
    return bucket;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public S3Pod cd(String path) {
    return new S3Pod(bucket, key(PodPath.normalize(path)));
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    String rel = PodPath.normalize(path);
    String shown = PodPath.display(rel);
    debug("LIST", rel);
    String key = key(rel);
    String prefix = S3Bucket.listPrefix(key);
    boolean atRoot = key.equals(bucket.root());
    List<String> folders = new ArrayList<>();
    List<String> files = new ArrayList<>();
    bucket.list("list", shown, prefix, "/", 1000, response -> {
      for (CommonPrefix common : response.commonPrefixes()) {
        String name = common.prefix().substring(prefix.length(), common.prefix().length() - 1);
        if (!name.isEmpty() && !(atRoot && name.equals(S3Bucket.TMP_DIR))) {
          folders.add(name);
        }
      }
      for (S3Object object : response.contents()) {
        String name = object.key().substring(prefix.length());
        if (!name.isEmpty()) {
          files.add(name);
        }
      }
      return true;
    });
    if (!folders.isEmpty() || !files.isEmpty()) {
      bucket.knowFolder(key);
    } else if (!rel.isEmpty() && isObject("list", shown, key)) {
      throw new StorageException(shown, "Cannot list " + shown + ": not a folder");
    }
    // as the reference: folders (common prefixes) first, then files
    folders.addAll(files);
    return folders;
  }

  @Override
  public byte[] read(String path) {
    String rel = PodPath.normalize(path);
    String shown = PodPath.display(rel);
    debug("READ", rel);
    if (rel.isEmpty()) {
      throw new StorageException(shown, "Cannot read " + shown + ": is a folder");
    }
    String key = key(rel);
    byte[] data;
    try {
      ResponseBytes<GetObjectResponse> response =
          bucket.call("read", shown, () -> bucket.client.getObjectAsBytes(b -> b.bucket(bucket.name()).key(key)));
      data = response.asByteArrayUnsafe();
    } catch (S3Exception e) {
      if (bucket.hasKeysBelow("read", shown, key)) {
        throw new StorageException(shown, "Cannot read " + shown + ": is a folder");
      }
      throw new NotFoundException(shown, "Cannot read " + shown + ": no such file");
    }
    PodMetrics.read(KIND, data.length);
    return data;
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    String rel = PodPath.normalize(path);
    if (rel.isEmpty()) {
      throw new InvalidPathException(path, "names the pod root, not a file");
    }
    String shown = PodPath.display(rel);
    PodMetrics.write(KIND, data.length);
    String key = key(rel);
    S3Bucket.Entry entry = bucket.entry("write", shown, key);
    if (entry.folder()) {
      throw new StorageException(shown, "Cannot write " + shown + ": is a folder");
    }
    if (entry.file() && !force) {
      debug("SKIP-WRITE", rel);
      return -1;
    }
    checkParents("write", shown, key);
    if (!force && bucket.conditionalWrites(shown)) {
      if (!createOnce(shown, key, data)) {
        debug("SKIP-WRITE", rel);
        return -1;
      }
    } else {
      try {
        bucket.put("write", shown, key, data, false);
      } catch (S3Exception e) {
        throw S3Errors.failure("write", shown, bucket.location, e);
      }
    }
    debug("WRITE", rel);
    knowParents(key);
    return data.length;
  }

  /**
   * Creates {@code key} with {@code If-None-Match: *}; false when someone else created it first. A put that failed
   * on the client side (the URL-connection client can meet a run of pooled connections the server has closed) may or
   * may not have been applied: the object tells, and a missing object is put again, at most twice more.
   */
  private boolean createOnce(String shown, String key, byte[] data) {
    for (int round = 0; ; round++) {
      try {
        bucket.put("write", shown, key, data, true);
        return true;
      } catch (S3Exception e) {
        if (e.statusCode() != 412) {
          throw S3Errors.failure("write", shown, bucket.location, e);
        }
        // 412: someone else wrote it since the listing. After a retried attempt the winner may be us (the first
        // attempt stored the object but its response was lost): the content tells.
        return (round > 0 || (e.numAttempts() != null && e.numAttempts() > 1)) && isOurs(shown, key, data);
      } catch (StorageException e) {
        if (round >= 2 || !(e.getCause() instanceof SdkClientException)) {
          throw e;
        }
        if (isOurs(shown, key, data)) {
          return true;
        }
      }
    }
  }

  /** True if the object at {@code key} holds exactly {@code data}. */
  private boolean isOurs(String shown, String key, byte[] data) {
    return Arrays.equals(bucket.getIfExists("write", shown, key), data);
  }

  @Override
  public boolean isDir(String path) {
    String rel = PodPath.normalize(path);
    String key = key(rel);
    boolean below = bucket.hasKeysBelow("list", PodPath.display(rel), key);
    // the repository root is a folder even when empty (the listing above still reports a missing bucket)
    return below || key.equals(bucket.root());
  }

  @Override
  public boolean isFile(String path) {
    String rel = PodPath.normalize(path);
    return !rel.isEmpty() && isObject("read", PodPath.display(rel), key(rel));
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    String rel = PodPath.normalize(path);
    String shown = PodPath.display(rel);
    debug("REMOVE", rel);
    String key = key(rel);
    try {
      if (recursive) {
        removeTree(rel, shown, key, missingOk);
      } else if (rel.isEmpty()) {
        if (bucket.hasKeysBelow("remove", shown, key)) {
          throw new NotEmptyException(shown);
        }
        if (!missingOk && !key.equals(bucket.root())) {
          throw notFoundForRemoval(shown);
        }
      } else {
        S3Bucket.Entry entry = bucket.entry("remove", shown, key);
        if (entry.folder()) {
          throw new NotEmptyException(shown);
        }
        if (!entry.file()) {
          if (missingOk) {
            return;
          }
          throw notFoundForRemoval(shown);
        }
        bucket.delete("remove", shown, key);
      }
    } finally {
      bucket.forgetFolders();
    }
  }

  /**
   * Removes the paths in parallel (within the bound on requests in flight). Every removal is attempted; the first
   * failure, in the order of {@code paths}, is then rethrown.
   */
  @Override
  public void rmMany(List<String> paths, boolean recursive) {
    if (paths.size() <= 1) {
      SupportsCompareAndSet.super.rmMany(paths, recursive);
      return;
    }
    for (String path : paths) {
      PodPath.normalize(path); // bad paths refused before any request
    }
    List<Future<?>> removals = new ArrayList<>(paths.size());
    for (String path : paths) {
      removals.add(bucket.workers().submit(() -> rm(path, recursive, false)));
    }
    RuntimeException first = null;
    for (Future<?> removal : removals) {
      try {
        removal.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException(".", "Cannot remove: interrupted", e);
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r
              ? r
              : new StorageException(".", "Cannot remove: " + e.getCause(), e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void removeTree(String rel, String shown, String key, boolean missingOk) {
    boolean found = false;
    if (!rel.isEmpty() && isObject("remove", shown, key)) {
      bucket.delete("remove", shown, key);
      found = true;
    }
    String prefix = S3Bucket.listPrefix(key);
    List<String> keys = new ArrayList<>();
    long[] seen = {0};
    // deleting while listing is fine: a continuation token resumes after the last key returned
    bucket.list("remove", shown, prefix, null, 1000, response -> {
      for (S3Object object : response.contents()) {
        keys.add(object.key());
      }
      seen[0] += response.contents().size();
      if (keys.size() >= S3Bucket.DELETE_BATCH) {
        bucket.deleteAll("remove", shown, keys);
        keys.clear();
      }
      return true;
    });
    bucket.deleteAll("remove", shown, keys);
    found |= seen[0] > 0;
    // the repository root always exists
    if (!found && !missingOk && !key.equals(bucket.root())) {
      throw notFoundForRemoval(shown);
    }
  }

  private static NotFoundException notFoundForRemoval(String shown) {
    return new NotFoundException(shown, "Cannot remove " + shown + ": no such file or folder");
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    String src = PodPath.normalize(from);
    String dst = PodPath.normalize(to);
    if (dst.isEmpty()) {
      throw new InvalidPathException(to, "names the pod root, not a file");
    }
    String shown = PodPath.display(src);
    String what = "Cannot move " + shown + " to " + dst;
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "MOVE " + this + "/" + src + " to " + this + "/" + dst);
    }
    if (src.isEmpty()) {
      throw new StorageException(shown, what + ": is a folder");
    }
    String srcKey = key(src);
    String dstKey = key(dst);
    if (!isObject("move", shown, srcKey)) {
      if (bucket.hasKeysBelow("move", shown, srcKey)) {
        throw new StorageException(shown, what + ": is a folder");
      }
      if (missingOk) {
        return;
      }
      throw new NotFoundException(shown, what + ": no such file");
    }
    if (src.equals(dst)) {
      return;
    }
    String dstShown = PodPath.display(dst);
    if (bucket.entry("move", dstShown, dstKey).folder()) {
      throw new StorageException(dstShown, "Cannot write " + dstShown + ": is a folder");
    }
    checkParents("write", dstShown, dstKey);
    try {
      bucket.call("move", shown, () -> bucket.client.copyObject(
          b -> b.sourceBucket(bucket.name()).sourceKey(srcKey).destinationBucket(bucket.name()).destinationKey(dstKey)));
    } catch (S3Exception e) {
      if (!S3Errors.isMissingKey(e)) {
        throw S3Errors.failure("move", shown, bucket.location, e);
      }
      // removed meanwhile
      if (missingOk) {
        return;
      }
      throw new NotFoundException(shown, what + ": no such file");
    }
    knowParents(dstKey);
    bucket.delete("move", shown, srcKey);
    bucket.forgetFolders();
  }

  @Override
  public List<String> walk(int maxDepth) {
    List<String> out = new ArrayList<>();
    if (maxDepth == 0) {
      return out;
    }
    String prefix = S3Bucket.listPrefix(base);
    String hidden = S3Bucket.listPrefix(bucket.root()) + S3Bucket.TMP_DIR + "/";
    // depth 1 only needs the files directly below; deeper walks list everything once, without delimiter
    bucket.list("walk", ".", prefix, maxDepth == 1 ? "/" : null, 1000, response -> {
      for (S3Object object : response.contents()) {
        String rel = object.key().substring(prefix.length());
        if (rel.isEmpty() || object.key().startsWith(hidden) || rel.startsWith("/") || rel.endsWith("/")
            || rel.contains("//")) {
          continue; // folder markers and keys that no pod path can name
        }
        if (maxDepth < 0 || depth(rel) <= maxDepth) {
          out.add(rel);
        }
      }
      return true;
    });
    return out;
  }

  /** The number of components of a relative path. */
  private static int depth(String rel) {
    int depth = 1;
    for (int i = 0; i < rel.length(); i++) {
      if (rel.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }

  /** HEAD: true if an object has exactly this key. */
  private boolean isObject(String verb, String shown, String key) {
    try {
      bucket.call(verb, shown, () -> bucket.client.headObject(b -> b.bucket(bucket.name()).key(key)));
      return true;
    } catch (S3Exception e) {
      if (S3Errors.isMissingKey(e)) {
        return false;
      }
      throw S3Errors.failure(verb, shown, bucket.location, e);
    }
  }

  /**
   * Refuses a file below a file: every parent of {@code key} below the repository root must not be an object.
   * Parents seen as folders before cost nothing.
   */
  private void checkParents(String verb, String shown, String key) {
    String root = bucket.root();
    for (String parent = PodPath.parent(key); !parent.equals(root) && !parent.isEmpty();
        parent = PodPath.parent(parent)) {
      if (bucket.isKnownFolder(parent)) {
        return; // its own parents were recorded with it
      }
      if (isObject(verb, shown, parent)) {
        throw new StorageException(shown, "Cannot " + verb + " " + shown + ": a parent folder is a file");
      }
    }
  }

  /** Records the parents of a key just written as folders. */
  private void knowParents(String key) {
    String root = bucket.root();
    for (String parent = PodPath.parent(key); !parent.equals(root) && !parent.isEmpty();
        parent = PodPath.parent(parent)) {
      bucket.knowFolder(parent);
    }
  }

  /**
   * The full key of a path. Paths into {@code .lakota-tmp} under the repository root are refused, as by the file
   * pod: the folder holds the refs and probes, which no file operation may touch.
   */
  private String key(String rel) {
    String key = PodPath.join(base, rel);
    String hidden = S3Bucket.listPrefix(bucket.root()) + S3Bucket.TMP_DIR;
    if (key.equals(hidden) || key.startsWith(hidden + "/")) {
      throw new InvalidPathException(rel, "is reserved for the refs of conditional commits");
    }
    return key;
  }

  private void debug(String operation, String rel) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, operation + " " + this + " " + PodPath.display(rel));
    }
  }

  /** {@code s3://host/bucket/prefix}, without options or credentials; ends with the last component of the path. */
  @Override
  public String toString() {
    S3Location location = bucket.location;
    return "s3://" + (location.host() == null ? "" : location.host()) + "/" + bucket.name()
        + (base.isEmpty() ? "" : "/" + base);
  }
}
