package io.lakota.storage;

import io.lakota.errors.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Normalizes and validates the relative, {@code /}-separated paths given to pods, so that no path escapes a
 * pod's root, also after {@link Pod#cd}.
 *
 * <p>The normal form of the root is {@code ""}; other paths have no leading, trailing or doubled {@code /} and no
 * {@code .} component. Stateless and thread-safe.
 */
public final class PodPath {
  /** The normal form of a pod's root. */
  public static final String ROOT = "";

  private PodPath() {}

  /**
   * The normal form of {@code path}: {@code ""} and {@code "."} are the root, a single trailing {@code /} is
   * dropped and {@code .} components are removed.
   *
   * @throws InvalidPathException when the path is absolute, contains a {@code ..} or empty component, a backslash
   *     or a NUL character
   */
  public static String normalize(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/")) {
      throw new InvalidPathException(path, "is an absolute path");
    }
    if (path.indexOf('\\') >= 0) {
      // refused rather than translated: on Windows it would be a separator, elsewhere a file name character
      throw new InvalidPathException(path, "contains a backslash");
    }
    if (path.indexOf('\0') >= 0) {
      throw new InvalidPathException(path, "contains a NUL character");
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (trimmed.isEmpty() || trimmed.equals(".")) {
      return ROOT;
    }
    StringBuilder out = new StringBuilder(trimmed.length());
    for (String part : trimmed.split("/", -1)) {
      if (part.isEmpty()) {
        throw new InvalidPathException(path, "contains an empty component");
      }
      if (part.equals("..")) {
        throw new InvalidPathException(path, "contains a \"..\" component");
      }
      if (part.equals(".")) {
        continue;
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  /** Joins two normalized paths. */
  public static String join(String parent, String child) {
    if (parent.isEmpty()) {
      return child;
    }
    return child.isEmpty() ? parent : parent + "/" + child;
  }

  /** The parent of a normalized, non-root path ({@code ""} for a top-level name). */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? ROOT : path.substring(0, slash);
  }

  /** The last component of a normalized, non-root path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The components of a normalized path (none for the root). */
  public static List<String> components(String path) {
    List<String> parts = new ArrayList<>();
    if (!path.isEmpty()) {
      for (String part : path.split("/")) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** How a normalized path is shown in messages: the root is {@code "."}. */
  public static String display(String path) {
    return path.isEmpty() ? "." : path;
  }
}
