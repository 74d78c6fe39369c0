package io.lakota.storage.memory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The shared state of a {@link MemoryPod} and of every pod obtained from it by {@code cd}: a map from normalized
 * store path ({@code ""} = root) to a file or a folder, with the optional two-generation LRU of SEMANTICS.md §7.3.
 *
 * <p>Not thread-safe by itself: every method must be called while holding this object's monitor
 * ({@code synchronized (store)}), which {@link MemoryPod} does for each pod operation.
 */
final class MemoryStore {
  /** A stored file; its array is never mutated nor handed out (callers receive copies). */
  static final class File {
    final byte[] data;

    File(byte[] data) {
      this.data = data;
    }
  }

  /** A folder: the names of its entries, in insertion order. */
  static final class Folder {
    final LinkedHashSet<String> names = new LinkedHashSet<>();
  }

  private final long lruSize;
  // sorted maps so that a subtree is one key range: "a/" .. "a0" ('0' follows '/')
  private NavigableMap<String, Object> front = new TreeMap<>();
  private NavigableMap<String, Object> back = new TreeMap<>();
  private long size;
  private long swaps;

  /** A store without LRU when {@code lruSize} is 0, else an LRU keeping about {@code lruSize} bytes. */
  MemoryStore(long lruSize) {
    this.lruSize = lruSize;
    front.put("", new Folder());
  }

  boolean isLru() {
    return lruSize > 0;
  }

  long lruSize() {
    return lruSize;
  }

  /** The entry at {@code key}, promoting a hit in the back generation to the front one. */
  Object get(String key) {
    Object item = front.get(key);
    if (item != null || !isLru()) {
      return item;
    }
    item = back.get(key);
    if (item != null) {
      front.put(key, item);
      if (item instanceof File) {
        grow(((File) item).data.length);
      }
    }
    return item;
  }

  /** The entry at {@code key} without promoting it (used by checks that must not count as a use). */
  Object peek(String key) {
    Object item = front.get(key);
    return item != null ? item : back.get(key);
  }

  void set(String key, Object item) {
    Object previous = front.put(key, item);
    if (previous instanceof File) {
      // not in the reference's pseudo-code, but keeps size = bytes of the files in front on a forced rewrite
      grow(-((File) previous).data.length);
    }
    if (item instanceof File) {
      grow(((File) item).data.length);
    }
  }

  /** The folder at {@code key} in the front generation, created empty when absent there. */
  Folder setFolder(String key) {
    Object item = front.get(key);
    if (item instanceof Folder) {
      return (Folder) item;
    }
    Folder folder = new Folder();
    front.put(key, folder);
    return folder;
  }

  /** Removes {@code key} from both generations. */
  void delete(String key) {
    Object item = front.remove(key);
    back.remove(key);
    if (item instanceof File) {
      grow(-((File) item).data.length);
    }
  }

  /** Removes every entry strictly below {@code key} from both generations. */
  void deleteBelow(String key) {
    for (NavigableMap<String, Object> generation : List.of(front, back)) {
      Map<String, Object> below =
          key.isEmpty() ? generation.tailMap("", false) : generation.subMap(key + "/", key + "0");
      for (Object item : below.values()) {
        if (isLru() && generation == front && item instanceof File) {
          size -= ((File) item).data.length;
        }
      }
      below.clear();
    }
  }

  /** Removes {@code name} from the listing of the folder {@code key}, in both generations. */
  void unregister(String key, String name) {
    for (NavigableMap<String, Object> generation : List.of(front, back)) {
      Object folder = generation.get(key);
      if (folder instanceof Folder) {
        ((Folder) folder).names.remove(name);
      }
    }
  }

  /** The keys of the files strictly below {@code key}, in both generations, sorted. */
  List<String> filesBelow(String key) {
    TreeMap<String, Object> union = new TreeMap<>();
    for (NavigableMap<String, Object> generation : List.of(back, front)) {
      union.putAll(key.isEmpty() ? generation : generation.subMap(key + "/", key + "0"));
    }
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, Object> entry : union.entrySet()) {
      if (entry.getValue() instanceof File) {
        files.add(entry.getKey());
      }
    }
    return files;
  }

  private void grow(long bytes) {
    if (!isLru()) {
      return;
    }
    size += bytes;
    if (size > lruSize / 2) {
      swap();
    }
  }

  private void swap() {
    back = front;
    front = new TreeMap<>();
    front.put("", new Folder());
    size = 0;
    swaps++;
  }

  int frontEntries() {
    return front.size();
  }

  int backEntries() {
    return back.size();
  }

  long size() {
    return size;
  }

  long swaps() {
    return swaps;
  }

  long frontFileBytes() {
    long total = 0;
    for (Object item : front.values()) {
      if (item instanceof File) {
        total += ((File) item).data.length;
      }
    }
    return total;
  }
}
