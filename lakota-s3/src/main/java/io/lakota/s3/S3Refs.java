package io.lakota.s3;

import io.lakota.errors.CommitStateUnknownException;
import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.StorageException;
import io.lakota.errors.ValidationException;
import io.lakota.id.Digests;
import io.lakota.storage.CommitResult;
import io.lakota.storage.SupportsCompareAndSet.Ref;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Compare-and-set refs on S3, built on create-only writes ({@code If-None-Match: *}) alone. A ref is a folder of
 * numbered, write-once versions, {@code <root>/.lakota-tmp/refs/aa/bb/<36 hex>/<19-digit number>}, where
 * {@code aabb…} is the SHA-1 of the ref's path relative to the repository root: its value is the highest version.
 * A compare-and-set from version {@code n} creates version {@code n + 1} only if it does not exist, so exactly one
 * writer wins each step. An {@code If-Match} update of one object would be cheaper, but S3Proxy 4.1.0 checks
 * {@code If-Match} before it writes, without a lock (two writers holding the same ETag can both succeed), while it
 * creates objects with {@code If-None-Match} atomically (a hard link), as AWS S3 and MinIO do.
 *
 * <p>Each version holds the SHA-1 of the version it replaced, then the value. The winner of step {@code m} deletes
 * the versions up to {@code m - }{@value #KEEP}, oldest first, one request each (one per commit in the steady
 * state). A writer that read version {@code n} and stalled while {@value #KEEP} others committed could then
 * re-create the deleted {@code n + 1}: after every create the writer lists the ref, and a version above its own that
 * does not follow it, or was not built on its content, means it re-created a deleted step and lost (it removes its
 * version again). The refs sit at depth 6 below the repository root, where the reference's
 * garbage collector (two levels below each top-level folder) never looks, and {@link S3Pod} hides {@code .lakota-tmp}
 * from {@code ls} and {@code walk}. Thread-safe and stateless beyond the bucket.
 */
final class S3Refs {
  /** The folder, below {@code .lakota-tmp}, of the refs. */
  static final String REFS_DIR = "refs";
  /** How many steps of history a ref keeps; older versions are deleted by the winners. */
  static final int KEEP = 64;

  private static final System.Logger LOG = System.getLogger("lakota");
  /** Reads of a ref whose highest version vanished before the GET before giving up. */
  private static final int MAX_READS = 10;
  private static final int WIDTH = 19;
  private static final String NO_PARENT = "-";

  private final S3Bucket bucket;

  S3Refs(S3Bucket bucket) {
    this.bucket = bucket;
  }

  /**
   * The key prefix of the versions of the ref at {@code name}, a path relative to the repository root.
   */
  String folder(String name) {
    String digest = Digests.sha1(name.getBytes(StandardCharsets.UTF_8));
    String rel = S3Bucket.TMP_DIR + "/" + REFS_DIR + "/" + digest.substring(0, 2) + "/" + digest.substring(2, 4) + "/"
        + digest.substring(4) + "/";
    return S3Bucket.listPrefix(bucket.root()) + rel;
  }

  /** The highest version of the ref whose versions are under {@code folder}, or null. */
  Ref read(String shown, String folder) {
    for (int attempt = 0; attempt < MAX_READS; attempt++) {
      TreeMap<Long, String> versions = versions("read", shown, folder);
      if (versions.isEmpty()) {
        return null;
      }
      long last = versions.lastKey();
      byte[] content = bucket.getIfExists("read", shown, versions.get(last));
      if (content != null) {
        return new Ref(value(shown, content), last + ":" + Digests.sha1(content));
      }
      // deleted between the listing and the read: KEEP newer versions were written meanwhile, list again
    }
    throw new StorageException(shown, "Cannot read ref " + shown + ": its highest version vanished " + MAX_READS
        + " times between the listing and the read");
  }

  /**
   * Creates the version after {@code expectedVersion} (the first one for null) holding {@code update}.
   *
   * @throws CommitStateUnknownException when the request failed in a way that leaves the outcome open
   */
  CommitResult compareAndSet(String shown, String folder, String expectedVersion, byte[] update) {
    long step;
    String parent;
    if (expectedVersion == null) {
      step = 1;
      parent = NO_PARENT;
    } else {
      int colon = expectedVersion.indexOf(':');
      try {
        step = Long.parseLong(expectedVersion.substring(0, Math.max(colon, 0))) + 1;
      } catch (NumberFormatException e) {
        throw new ValidationException("Cannot update ref " + shown + ": \"" + expectedVersion
            + "\" is not a version of an S3 ref", e);
      }
      parent = expectedVersion.substring(colon + 1);
      if (step < 2 || !Digests.isDigest(parent)) {
        throw new ValidationException("Cannot update ref " + shown + ": \"" + expectedVersion
            + "\" is not a version of an S3 ref");
      }
    }
    byte[] content = content(parent, update);
    String key = folder + name(step);
    if (!create(shown, key, content)) {
      return CommitResult.LOCK_FAILURE;
    }
    try {
      return check(shown, folder, step, content);
    } catch (StorageException e) {
      throw unknown(shown, e); // created, but whether it leads to the head is not known
    }
  }

  /** PUT with {@code If-None-Match: *}: true if created, false if the version exists. */
  private boolean create(String shown, String key, byte[] content) {
    try {
      bucket.call("update ref", shown, () -> bucket.client.putObject(
          b -> b.bucket(bucket.name()).key(key).ifNoneMatch("*"), RequestBody.fromBytes(content)));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() != 412) {
        throw unknown(shown, e); // a 404 (NoSuchKey) cannot answer a PUT: the server is confused
      }
      // the SDK retried: an earlier attempt may have created the version and lost its answer
      if (e.numAttempts() != null && e.numAttempts() > 1) {
        try {
          return Arrays.equals(bucket.getIfExists("update ref", shown, key), content);
        } catch (StorageException unreadable) {
          throw unknown(shown, unreadable);
        }
      }
      return false;
    } catch (StorageException e) {
      S3Exception s3 = e.getCause() instanceof S3Exception x ? x : null;
      // an answer to the only attempt tells the outcome; after retries an earlier attempt may have written
      boolean once = s3 != null && (s3.numAttempts() == null || s3.numAttempts() <= 1);
      if (once && s3.statusCode() == 409) {
        return false; // AWS: ConditionalRequestConflict, another create of this version is in flight
      }
      if (once && s3.statusCode() >= 400 && s3.statusCode() < 500 && s3.statusCode() != 408) {
        throw e; // refused (credentials, bucket, request): nothing was written
      }
      throw unknown(shown, e);
    }
  }

  /**
   * After creating version {@code step}: won if no higher version exists, or if the next one was built on ours.
   * Lost if ours re-created a deleted step: the next version is missing (the old versions are deleted in ascending
   * order, so the original of ours went first) or was built on other content. The lost version is removed.
   */
  private CommitResult check(String shown, String folder, long step, byte[] content) {
    TreeMap<Long, String> versions = versions("update ref", shown, folder);
    Long next = versions.higherKey(step);
    if (next != null) {
      boolean builtOnOurs = false;
      if (next == step + 1) {
        byte[] after = bucket.getIfExists("update ref", shown, versions.get(next));
        if (after == null) {
          // deleted since the listing: KEEP steps were taken meanwhile, ours may have been one of them
          throw new CommitStateUnknownException(shown, "Cannot update ref " + shown + ": version " + step
              + " was created while more than " + KEEP + " newer versions appeared", null);
        }
        builtOnOurs = parent(shown, after).equals(Digests.sha1(content));
      }
      if (!builtOnOurs) {
        try {
          bucket.delete("update ref", shown, folder + name(step));
        } catch (StorageException e) {
          // lost all the same: a version below the highest is never read; a winner deletes it later
          LOG.log(System.Logger.Level.WARNING, e.getMessage());
        }
        return CommitResult.LOCK_FAILURE;
      }
    }
    // one by one and oldest first: the order the re-creation check above relies on
    for (String old : versions.headMap(step - KEEP, true).values()) {
      try {
        bucket.delete("update ref", shown, old);
      } catch (StorageException e) {
        // committed all the same; the next winner deletes it
        LOG.log(System.Logger.Level.WARNING, e.getMessage());
        break;
      }
    }
    return CommitResult.COMMITTED;
  }

  /** The versions under {@code folder}, by number (keys that are not versions are ignored). */
  private TreeMap<Long, String> versions(String verb, String shown, String folder) {
    TreeMap<Long, String> versions = new TreeMap<>();
    bucket.list(verb, shown, folder, null, 1000, response -> {
      for (S3Object object : response.contents()) {
        String rest = object.key().substring(folder.length());
        if (rest.length() == WIDTH && rest.chars().allMatch(Character::isDigit)) {
          versions.put(Long.parseLong(rest), object.key());
        }
      }
      return true;
    });
    return versions;
  }



  private static String name(long step) {
    return String.format("%0" + WIDTH + "d", step);
  }

  /** {@code <parent digest or ->\n<value>}. */
  private static byte[] content(String parent, byte[] value) {
    byte[] head = (parent + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + value.length);
    System.arraycopy(value, 0, out, head.length, value.length);
    return out;
  }

  private static int newline(String shown, byte[] content) {
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        return i;
      }
    }
    throw new CorruptObjectException(shown, "S3 ref " + shown + " has no parent line");
  }

  private static String parent(String shown, byte[] content) {
    return new String(content, 0, newline(shown, content), StandardCharsets.US_ASCII);
  }

  private static byte[] value(String shown, byte[] content) {
    return Arrays.copyOfRange(content, newline(shown, content) + 1, content.length);
  }

  private static CommitStateUnknownException unknown(String shown, RuntimeException e) {
    return new CommitStateUnknownException(shown, "Cannot update ref " + shown + ": the outcome is unknown ("
        + e.getMessage() + ")", e);
  }
}
