package io.lakota.s3;

import io.lakota.errors.LakotaException;
import io.lakota.errors.StorageException;
import io.lakota.storage.PodPath;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the pods of one {@code s3://} URI share (the pods made by {@code cd} included): the SDK client, the bucket,
 * the bound on requests in flight, whether the server honours conditional writes, and the folders known to exist.
 * Every request goes through {@link #call}, which holds one of {@code maxRequests} permits and maps SDK failures to
 * storage exceptions. Thread-safe.
 */
final class S3Bucket {
  private static final System.Logger LOG = System.getLogger("lakota");
  /** The hidden folder, directly under the repository root, where the conditional-write probe writes. */
  static final String TMP_DIR = ".lakota-tmp";
  /** The largest batch a DeleteObjects request takes. */
  static final int DELETE_BATCH = 1000;
  /** Known folders are forgotten past this many (a cache of HEAD answers, not a registry). */
  private static final int MAX_KNOWN_FOLDERS = 100_000;

  final S3Client client;
  final S3Location location;
  private final Semaphore permits;
  /** Full keys known to be folders (something was written or listed below them): they cannot be files. */
  private final Set<String> knownFolders = ConcurrentHashMap.newKeySet();
  private volatile Boolean conditionalWrites;
  private volatile ExecutorService workers;
  private volatile boolean batchDeletes = true;
  /** Keys per listing page (S3 returns at most 1000); smaller in tests, to exercise the pagination. */
  volatile int pageSize = 1000;

  S3Bucket(S3Client client, S3Location location) {
    this.client = client;
    this.location = location;
    this.permits = new Semaphore(location.maxRequests(), true);
    if (!location.conditionalWrite()) {
      conditionalWrites = false;
    }
  }

  /** The bucket name. */
  String name() {
    return location.bucket();
  }

  /** The key prefix of the repository root ({@code ""} for the bucket root). */
  String root() {
    return location.prefix();
  }

  /**
   * Runs one SDK request under a permit. A 404 that is not {@code NoSuchBucket} and a 412 are rethrown as the
   * {@link S3Exception} for the caller to interpret; every other failure becomes a {@link StorageException}
   * about {@code verb} on the pod path {@code shown}.
   */
  <T> T call(String verb, String shown, Supplier<T> request) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(shown, "Cannot " + verb + " " + shown + ": interrupted", e);
    }
    try {
      return request.get();
    } catch (S3Exception e) {
      if (S3Errors.isMissingKey(e) || e.statusCode() == 412) {
        throw e;
      }
      throw S3Errors.failure(verb, shown, location, e);
    } catch (SdkException e) {
      throw S3Errors.failure(verb, shown, location, e);
    } finally {
      permits.release();
    }
  }

  /** The content of the object at {@code key}, or null if it does not exist. */
  byte[] getIfExists(String verb, String shown, String key) {
    try {
      return call(verb, shown, () -> client.getObjectAsBytes(b -> b.bucket(name()).key(key))).asByteArrayUnsafe();
    } catch (S3Exception e) {
      if (S3Errors.isMissingKey(e)) {
        return null;
      }
      throw S3Errors.failure(verb, shown, location, e);
    }
  }

  /**
   * Lists keys and common prefixes below {@code prefix}, page after page, handing each page to {@code page}
   * until it returns false or the listing ends.
   */
  void list(
      String verb, String shown, String prefix, String delimiter, int maxKeys,
      Function<ListObjectsV2Response, Boolean> page) {
    String token = null;
    while (true) {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder().bucket(name()).prefix(prefix).maxKeys(Math.min(maxKeys, pageSize));
      if (delimiter != null) {
        request.delimiter(delimiter);
      }
      if (token != null) {
        request.continuationToken(token);
      }
      ListObjectsV2Request built = request.build();
      ListObjectsV2Response response;
      try {
        response = call(verb, shown, () -> client.listObjectsV2(built));
      } catch (S3Exception e) {
        throw S3Errors.failure(verb, shown, location, e);
      }
      if (!page.apply(response) || !Boolean.TRUE.equals(response.isTruncated())) {
        return;
      }
      token = response.nextContinuationToken();
      if (token == null || token.isEmpty()) {
        return;
      }
    }
  }

  /** What exists at a full key: an object, and/or keys below {@code key + "/"}. */
  record Entry(boolean file, boolean folder) {}

  /** One listing tells both whether {@code key} is an object and whether it has keys below it. */
  Entry entry(String verb, String shown, String key) {
    boolean[] found = new boolean[2];
    String folder = key + "/";
    list(verb, shown, key, "/", 100, response -> {
      boolean past = false;
      for (S3Object object : response.contents()) {
        found[0] |= object.key().equals(key);
        past |= object.key().compareTo(folder) > 0;
      }
      for (CommonPrefix common : response.commonPrefixes()) {
        found[1] |= common.prefix().equals(folder);
        past |= common.prefix().compareTo(folder) > 0;
      }
      // listings are sorted: once past key + "/", later pages cannot hold either
      return !past && !(found[0] && found[1]);
    });
    if (found[1]) {
      knowFolder(key);
    }
    return new Entry(found[0], found[1]);
  }

  /** True if some key starts with {@code key + "/"} ({@code ""} for the bucket root). */
  boolean hasKeysBelow(String verb, String shown, String key) {
    boolean[] found = new boolean[1];
    list(verb, shown, listPrefix(key), null, 1, response -> {
      found[0] = !response.contents().isEmpty();
      return false;
    });
    return found[0];
  }

  /** The listing prefix of the folder at full key {@code key}. */
  static String listPrefix(String key) {
    return key.isEmpty() ? "" : key + "/";
  }

  /**
   * Puts an object; with {@code ifNoneMatch} the put is conditional on the key being absent (412 otherwise). AWS
   * answers 409 ConditionalRequestConflict while another conditional write of the key is in progress: that one is
   * retried here, with backoff, since the SDK does not retry 409s.
   */
  void put(String verb, String shown, String key, byte[] data, boolean ifNoneMatch) {
    PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(name()).key(key);
    if (ifNoneMatch) {
      request.ifNoneMatch("*");
    }
    PutObjectRequest built = request.build();
    for (int attempt = 0; ; attempt++) {
      try {
        call(verb, shown, () -> client.putObject(built, RequestBody.fromBytes(data)));
        return;
      } catch (StorageException e) {
        if (!retryable(e, ifNoneMatch, attempt)) {
          throw e;
        }
      }
      try {
        Thread.sleep((50L << attempt) + ThreadLocalRandom.current().nextLong(50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException(shown, "Cannot " + verb + " " + shown + ": interrupted", e);
      }
    }
  }

  /**
   * Whether a failed put is tried again after a pause. A conditional put retries AWS's 409
   * ConditionalRequestConflict (the SDK does not). An unconditional put (the same request again, harmless to repeat)
   * also retries, twice, a client-side I/O failure that outlived the SDK's own attempts: the URL-connection client
   * can meet a run of pooled connections the server has closed ("Error writing request body to server"), seen about
   * once in several thousand puts against S3Proxy under load.
   */
  private static boolean retryable(StorageException e, boolean ifNoneMatch, int attempt) {
    if (ifNoneMatch) {
      return attempt < 5 && e.getCause() instanceof S3Exception s3 && s3.statusCode() == 409;
    }
    return attempt < 2 && e.getCause() instanceof SdkClientException;
  }

  /**
   * True if the server refuses a conditional put on an existing key. Probed once per bucket, on a scratch object
   * in {@code .lakota-tmp/} (written, written again with {@code If-None-Match: *}, removed): a server that ignores
   * the header would otherwise silently replace files.
   */
  boolean conditionalWrites(String shown) {
    Boolean known = conditionalWrites;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (conditionalWrites == null) {
        conditionalWrites = probeConditionalWrites(shown);
        LOG.log(Level.DEBUG, "conditional writes " + (conditionalWrites ? "" : "not ") + "supported by " + location);
      }
      return conditionalWrites;
    }
  }

  private boolean probeConditionalWrites(String shown) {
    String key = PodPath.join(root(), TMP_DIR + "/probe-" + UUID.randomUUID());
    put("write", shown, key, new byte[0], false);
    try {
      put("write", shown, key, new byte[0], true);
      return false;
    } catch (S3Exception e) {
      return e.statusCode() == 412;
    } catch (StorageException e) {
      // 501 NotImplemented, 400 "not supported": the server does not do conditional writes
      if (e.getCause() instanceof S3Exception s3 && (s3.statusCode() == 501 || s3.statusCode() == 400)) {
        return false;
      }
      throw e;
    } finally {
      try {
        call("write", shown, () -> client.deleteObject(b -> b.bucket(name()).key(key)));
      } catch (LakotaException | S3Exception e) {
        LOG.log(Level.WARNING, "Cannot remove the probe object " + key + " of " + location + ": " + e.getMessage());
      }
    }
  }

  /** Deletes one object (deleting a missing key succeeds). */
  void delete(String verb, String shown, String key) {
    try {
      call(verb, shown, () -> client.deleteObject(b -> b.bucket(name()).key(key)));
    } catch (S3Exception e) {
      if (!S3Errors.isMissingKey(e)) {
        throw S3Errors.failure(verb, shown, location, e);
      }
    }
  }

  /** Deletes keys with DeleteObjects in batches, or one by one when the server refuses batch deletes. */
  void deleteAll(String verb, String shown, List<String> keys) {
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
      if (batchDeletes && batch.size() > 1) {
        try {
          deleteBatch(verb, shown, batch);
          continue;
        } catch (StorageException e) {
          if (!(e.getCause() instanceof S3Exception s3)
              || !(s3.statusCode() == 501 || "MalformedXML".equals(S3Errors.code(s3))
                  || "NotImplemented".equals(S3Errors.code(s3)))) {
            throw e;
          }
          batchDeletes = false;
        }
      }
      for (String key : batch) {
        delete(verb, shown, key);
      }
    }
  }

  private void deleteBatch(String verb, String shown, List<String> keys) {
    List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
    for (String key : keys) {
      ids.add(ObjectIdentifier.builder().key(key).build());
    }
    Delete delete = Delete.builder().objects(ids).quiet(true).build();
    DeleteObjectsResponse response =
        call(verb, shown, () -> client.deleteObjects(b -> b.bucket(name()).delete(delete)));
    for (S3Error error : response.errors()) {
      if (!"NoSuchKey".equals(error.code())) {
        throw new StorageException(
            shown,
            "Cannot " + verb + " " + shown + ": S3 refused to delete " + error.key() + " (" + error.code() + ": "
                + error.message() + ")");
      }
    }
  }

  /** True if {@code key} is known to be a folder, hence not a file. */
  boolean isKnownFolder(String key) {
    return knownFolders.contains(key);
  }

  /** Records that {@code key} has keys below it. */
  void knowFolder(String key) {
    if (knownFolders.size() >= MAX_KNOWN_FOLDERS) {
      knownFolders.clear();
    }
    knownFolders.add(key);
  }

  /** Forgets the known folders, after a removal may have emptied some. */
  void forgetFolders() {
    knownFolders.clear();
  }

  /**
   * Threads for operations that fan out into independent requests ({@code rmMany}): as many as requests may be in
   * flight, daemons, gone after 30 s idle. Tasks never wait for other tasks, so the bounded pool cannot deadlock.
   */
  ExecutorService workers() {
    ExecutorService pool = workers;
    if (pool == null) {
      synchronized (this) {
        if (workers == null) {
          AtomicInteger number = new AtomicInteger();
          ThreadPoolExecutor executor = new ThreadPoolExecutor(
              location.maxRequests(), location.maxRequests(), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
              task -> {
                Thread thread = new Thread(task, "lakota-s3-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
          executor.allowCoreThreadTimeOut(true);
          workers = executor;
        }
        pool = workers;
      }
    }
    return pool;
  }

  /** False once the server refused a DeleteObjects request and keys are deleted one by one. */
  boolean batchDeletes() {
    return batchDeletes;
  }
}
