package io.lakota.server;

import io.lakota.errors.ValidationException;
import io.lakota.storage.Pod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The repositories a server exposes, by URL prefix (HTTP.md §1.1): {@code <base path>/<name>} with duplicate and
 * trailing slashes removed; the name {@code /} mounts at the base path itself. Immutable, thread-safe.
 */
public final class Mounts {
  private final String basePath;
  private final Map<String, Pod> pods;

  private Mounts(String basePath, Map<String, Pod> pods) {
    this.basePath = basePath;
    this.pods = Collections.unmodifiableMap(pods);
  }

  /**
   * The mounts of {@code pods} by name, below {@code basePath} (the path of the web URI).
   *
   * @throws ValidationException when there is no repository or two names give the same prefix
   */
  public static Mounts of(String basePath, Map<String, Pod> pods) {
    ValidationException.check(!pods.isEmpty(), "Cannot serve: no repository given");
    String base = clean(basePath == null ? "" : basePath);
    Map<String, Pod> byPrefix = new LinkedHashMap<>();
    for (Map.Entry<String, Pod> entry : pods.entrySet()) {
      String prefix = clean(base + "/" + entry.getKey());
      ValidationException.check(byPrefix.put(prefix, entry.getValue()) == null,
          "Cannot serve two repositories at the same prefix \"%s\"", prefix.isEmpty() ? "/" : prefix);
    }
    return new Mounts(base, byPrefix);
  }

  /** The base path: {@code ""} or {@code /a/b}. */
  public String basePath() {
    return basePath;
  }

  /** The pods by prefix ({@code ""} or {@code /a/b}), in mounting order. */
  public Map<String, Pod> byPrefix() {
    return pods;
  }

  /** The pod mounted at {@code prefix} (normal form), or null. */
  Pod at(String prefix) {
    return pods.get(prefix);
  }

  /** {@code path} with doubled and trailing slashes removed and a leading slash ({@code ""} for the root). */
  static String clean(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        out.append('/').append(part);
      }
    }
    return out.toString();
  }
}
