package io.lakota.storage.file;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the listings of busy changelog folders up to date from the kernel's file notifications, so that a commit
 * on a long changelog does not read the whole folder under its commit lock (on ext4, {@code readdir} of an indexed
 * folder hashes every name: a third of a one-row commit's time on a 1000-revision changelog).
 *
 * <p>Soundness rests on one ordering guarantee of Linux's inotify: an event is queued, in one queue per inotify
 * instance, before the system call that caused it returns. Every listing handed out is preceded by a
 * <em>barrier</em>: this process renames a file of its own private folder (watched by the same instance) and reads
 * the queue until that rename's event arrives. Every rename or unlink that any process completed in a watched
 * folder before the barrier is then applied to the cached names, exactly as a {@code readdir} started at that
 * moment would have seen it; what happens after is as concurrent as it would be with a listing. A cached folder is
 * also checked to be the same folder (device and inode) on every use. The barrier is issued when a commit starts
 * its listing ({@link #start}) and awaited when the commit needs it, so that the committer writes its revision's
 * temporary file while the event crosses the JDK's poller thread; barriers are numbered, and whichever thread
 * reads an event applies everything queued before it, for all waiting commits.
 *
 * <p>It is used only where that guarantee holds: on Linux (the JDK's inotify-based watch service), for folders on
 * the local file systems of {@link #LOCAL_TYPES} (NFS, SMB, FUSE and overlay mounts do not report other clients'
 * changes), once a folder has had at least {@link #MIN_ENTRIES_PROPERTY} entries (128 by default) on two commits
 * of this process: a command that commits once never starts the watch thread. Anything unexpected falls back to
 * listing, for good ({@code disabled}: the watch service could not start, a barrier took longer than
 * {@link #BARRIER_TIMEOUT_MS}) or for one folder (its watch was cancelled, the folder was replaced, or events were
 * lost to an overflow, after which the folder is listed once more). Setting the system property
 * {@link #ENABLED_PROPERTY} to {@code false} turns it off.
 *
 * <p>One instance serves the whole process (one inotify instance and its JDK poller thread, a daemon). Thread-safe:
 * barriers and the cached names are guarded by the instance's monitor; listings of unwatched folders run outside it.
 */
final class FolderWatch {
  /** System property: {@code false} turns watching off (every commit lists its folder). */
  static final String ENABLED_PROPERTY = "lakota.file.watch";
  /** System property: how many entries a folder must have had on two commits before it is watched. */
  static final String MIN_ENTRIES_PROPERTY = "lakota.file.watchMinEntries";
  static final int DEFAULT_MIN_ENTRIES = 128;
  /** At most this many folders are watched (each costs an inotify watch and its names in memory). */
  static final int MAX_FOLDERS = 1024;
  /** A barrier whose event has not arrived after this long turns watching off for the process. */
  static final long BARRIER_TIMEOUT_MS = 5000;
  /** File system types (as {@code FileStore.type()} names them) whose changes inotify reports whatever made them. */
  static final Set<String> LOCAL_TYPES = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "f2fs");

  private static final System.Logger LOG = System.getLogger("lakota");
  private static final FolderWatch INSTANCE = new FolderWatch(-1);

  /** A watched folder: its key, identity and current names (in the order they were listed, then created). */
  private static final class Folder {
    final Path path;
    final Object fileKey;
    final WatchKey key;
    /** Null until listed after the watch started, and again after an overflow. */
    LinkedHashSet<String> names;

    Folder(Path path, Object fileKey, WatchKey key) {
      this.path = path;
      this.fileKey = fileKey;
      this.key = key;
    }
  }

  private final Map<Path, Folder> folders = new HashMap<>();
  private final Map<WatchKey, Folder> byKey = new HashMap<>();
  /** Folders seen with enough entries, and how many times. */
  private final Map<Path, Integer> candidates = new HashMap<>();
  private WatchService service;
  private WatchKey barrierKey;
  private volatile Path barrierDir;
  private Path barrierFile;
  private long barrierSeq;
  /** Every event queued before the rename to barrier {@code b<applied>} has been applied. */
  private long applied;
  private boolean disabled;
  /** Listings answered from the cache, for tests. */
  private long cachedListings;

  /** Entries a folder needs on two commits to be watched; negative: read {@link #MIN_ENTRIES_PROPERTY} each time. */
  private final int minEntries;

  /** A watch with its own watch service, watching folders of at least {@code minEntries} (negative: the property). */
  FolderWatch(int minEntries) {
    this.minEntries = minEntries;
  }

  /** The instance of this process. */
  static FolderWatch get() {
    return INSTANCE;
  }

  /**
   * The entries of {@code folder} (absolute, normalised), from the cache when it is watched, else from
   * {@code lister} (which lists the folder, {@code missingOk}). Call it under the folder's commit lock: the
   * answer is what a listing at the time of the call would give.
   */
  List<String> list(Path folder, Supplier<List<String>> lister) {
    return start(folder, lister).get();
  }

  /**
   * Starts taking the listing of {@code folder} for a commit that holds its lock: for a watched folder, issues the
   * barrier at once, so that the caller can do other work (write its files' content ahead) while the event
   * travels; {@link Supplier#get} of the result waits for it and gives the listing as of this call (an unwatched
   * folder is listed then, which is no earlier than this call either).
   */
  Supplier<List<String>> start(Path folder, Supplier<List<String>> lister) {
    if (!"false".equals(System.getProperty(ENABLED_PROPERTY))) {
      synchronized (this) {
        Folder f = disabled ? null : folders.get(folder);
        long seq = f == null ? -1 : issueBarrier();
        if (seq >= 0) {
          return () -> {
            List<String> names = cached(folder, seq, lister);
            return names != null ? names : listAndConsider(folder, lister);
          };
        }
      }
    }
    return () -> listAndConsider(folder, lister);
  }

  private List<String> listAndConsider(Path folder, Supplier<List<String>> lister) {
    List<String> names = lister.get();
    consider(folder, names.size());
    return names;
  }

  /** How many listings were answered from the cache. */
  synchronized long cachedListings() {
    return cachedListings;
  }

  /** True if {@code folder} is watched now. */
  synchronized boolean isWatched(Path folder) {
    return folders.containsKey(folder);
  }

  /**
   * The names of a watched folder once barrier {@code seq} has passed, or null when they cannot be used (watching
   * stopped, or the folder was dropped).
   */
  private synchronized List<String> cached(Path folder, long seq, Supplier<List<String>> lister) {
    if (!awaitBarrier(seq)) {
      return null;
    }
    Folder f = folders.get(folder);
    if (f == null) {
      return null; // dropped meanwhile: its watch was cancelled, or watching stopped
    }
    if (!f.key.isValid() || !Objects.equals(fileKey(f.path), f.fileKey)) {
      drop(f);
      return null;
    }
    if (f.names == null) {
      // events from the start of the watch (or since an overflow) up to the barrier were not applied: this listing,
      // taken after them, replaces them; later events apply to it (adding or removing a name twice is harmless)
      f.names = new LinkedHashSet<>(lister.get());
    }
    cachedListings++;
    return new ArrayList<>(f.names);
  }

  /** Starts watching {@code folder} once it had at least the minimum entries on two commits. */
  private synchronized void consider(Path folder, int entries) {
    int min = minEntries >= 0 ? minEntries : Integer.getInteger(MIN_ENTRIES_PROPERTY, DEFAULT_MIN_ENTRIES);
    if (disabled || entries < min
        || folders.containsKey(folder) || folders.size() >= MAX_FOLDERS) {
      return;
    }
    int seen = candidates.merge(folder, 1, Integer::sum);
    if (seen < 2) {
      if (candidates.size() > 4 * MAX_FOLDERS) {
        candidates.clear();
      }
      return;
    }
    candidates.remove(folder);
    if (!openService() || !isLocal(folder)) {
      return;
    }
    try {
      Object id = fileKey(folder);
      WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_DELETE);
      if (byKey.containsKey(key)) {
        return; // the same folder under another path (the JDK shares its key): keep listing this one
      }
      if (id == null) {
        key.cancel(); // no identity to check it by
        return;
      }
      Folder f = new Folder(folder, id, key);
      folders.put(folder, f);
      byKey.put(key, f);
    } catch (IOException | RuntimeException e) {
      // typically the inotify watch limit (fs.inotify.max_user_watches): this folder stays listed
      LOG.log(Level.DEBUG, "Not watching " + folder + ": " + e);
    }
  }

  /** Opens the watch service and the barrier folder, once; false when watching is not possible here. */
  private boolean openService() {
    if (disabled) {
      return false;
    }
    if (service != null) {
      return true;
    }
    try {
      if (!System.getProperty("os.name", "").startsWith("Linux")) {
        throw new IOException("file notifications are trusted on Linux only");
      }
      WatchService ws = FileSystems.getDefault().newWatchService();
      if (!ws.getClass().getName().endsWith("LinuxWatchService")) {
        ws.close();
        throw new IOException("the watch service is not inotify's (" + ws.getClass().getName() + ")");
      }
      Path dir = Files.createTempDirectory("lakota-watch-");
      barrierDir = dir;
      barrierFile = Files.createFile(dir.resolve("b0"));
      service = ws;
      if (!isLocal(dir)) {
        throw new IOException("the temporary folder " + dir + " is not on a local file system");
      }
      barrierKey = dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
      Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "lakota-watch-cleanup"));
      return true;
    } catch (IOException | RuntimeException e) {
      disable("cannot start: " + e);
      return false;
    }
  }

  /**
   * Renames the barrier file to the next barrier name, {@code b<seq>}; returns {@code seq}, or -1 (watching is then
   * turned off) when the rename fails.
   */
  private long issueBarrier() {
    long seq = barrierSeq + 1;
    try {
      Path next = barrierDir.resolve("b" + seq);
      Files.move(barrierFile, next, StandardCopyOption.ATOMIC_MOVE);
      barrierFile = next;
      barrierSeq = seq;
      return seq;
    } catch (IOException e) {
      disable("barrier failed: " + e);
      return -1;
    }
  }

  /**
   * Applies events until those queued before barrier {@code seq}'s rename are all applied (by this call or an earlier
   * one, of any thread). False (watching is then turned off) when its event does not arrive in time.
   */
  private boolean awaitBarrier(long seq) {
    if (disabled) {
      return false;
    }
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BARRIER_TIMEOUT_MS);
      while (applied < seq) {
        WatchKey key = service.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (key == null) {
          disable("a barrier event did not arrive within " + BARRIER_TIMEOUT_MS + " ms");
          return false;
        }
        long seen = apply(key);
        if (seen > applied) {
          // the keys signalled before that barrier event are queued (or back in the queue after a reset): apply
          // them too before the barrier counts as passed
          for (WatchKey k = service.poll(); k != null; k = service.poll()) {
            seen = Math.max(seen, apply(k));
          }
          applied = Math.max(applied, seen);
        }
      }
      return !disabled;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      disable("interrupted during a barrier");
      return false;
    } catch (ClosedWatchServiceException e) {
      disable("barrier failed: " + e);
      return false;
    }
  }

  /**
   * Applies the pending events of {@code key}; returns the highest barrier number among them (0 when none; after an
   * overflow of the kernel's queue, which may have lost barrier events, the last barrier issued).
   */
  private long apply(WatchKey key) {
    long seen = 0;
    Folder f = byKey.get(key);
    for (WatchEvent<?> e : key.pollEvents()) {
      if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
        if (key == barrierKey) {
          // the kernel's queue overflowed: any folder may have lost events, and the barrier's may be lost too
          for (Folder each : folders.values()) {
            each.names = null;
          }
          seen = barrierSeq;
        } else if (f != null) {
          f.names = null;
        }
      } else if (key == barrierKey) {
        seen = Math.max(seen, barrierNumber(e));
      } else if (f != null && f.names != null) {
        String entry = e.context().toString();
        if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
          f.names.add(entry);
        } else {
          f.names.remove(entry);
        }
      }
    }
    if (!key.reset()) {
      if (key == barrierKey) {
        disable("the barrier folder " + barrierDir + " went away");
        return 0;
      }
      if (f != null) {
        drop(f);
      }
    }
    return seen;
  }

  /** The number {@code n} of a barrier file {@code b<n>} that an event reports created, else 0. */
  private static long barrierNumber(WatchEvent<?> e) {
    String name = e.context().toString();
    if (e.kind() != StandardWatchEventKinds.ENTRY_CREATE || name.length() < 2 || name.charAt(0) != 'b') {
      return 0;
    }
    try {
      return Long.parseLong(name, 1, name.length(), 10);
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  private void drop(Folder f) {
    f.key.cancel();
    folders.remove(f.path);
    byKey.remove(f.key);
  }

  /** Stops watching for good (tests: instances of their own). */
  synchronized void close() {
    disabled = true;
    shutDown();
  }

  private void disable(String why) {
    if (!disabled) {
      LOG.log(Level.WARNING, "Changelog folders are listed on every commit from now on: " + why);
    }
    disabled = true;
    shutDown();
  }

  private void shutDown() {
    folders.clear();
    byKey.clear();
    candidates.clear();
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "Cannot close the watch service: " + e);
      }
    }
    cleanUp();
  }

  /** Removes the barrier folder; not synchronized, as the shutdown hook must not wait for a barrier. */
  private void cleanUp() {
    Path dir = barrierDir;
    if (dir == null) {
      return;
    }
    try {
      try (var entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          Files.deleteIfExists(entry);
        }
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "Cannot remove " + dir + ": " + e);
    }
  }

  /** The device-and-inode identity of {@code folder}, null when it is missing or has none. */
  private static Object fileKey(Path folder) {
    try {
      return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null; // missing (NoSuchFileException) or unreadable: not the folder that was watched
    }
  }

  static boolean isLocal(Path path) {
    try {
      return LOCAL_TYPES.contains(Files.getFileStore(path).type());
    } catch (IOException e) {
      return false;
    }
  }
}
