package io.lakota.version;

import io.lakota.id.RevisionName;
import java.util.Objects;

/**
 * One revision file of a changelog, named {@code <parent>.<child>} (FORMAT.md §4.2), as placed by a log traversal
 * ({@link #isLeaf()}). Immutable.
 */
public final class Revision {
  private final String parent;
  private final String child;
  private final boolean leaf;

  public Revision(String parent, String child, boolean leaf) {
    this.parent = Objects.requireNonNull(parent, "parent");
    this.child = Objects.requireNonNull(child, "child");
    this.leaf = leaf;
  }

  /** A revision from its file name {@code <parent>.<child>} (not a leaf). */
  public static Revision fromPath(String path) {
    int dot = path.indexOf('.');
    if (dot < 0 || path.indexOf('.', dot + 1) >= 0) {
      throw new IllegalArgumentException("Cannot parse revision name \"" + path + "\": expected <parent>.<child>");
    }
    return new Revision(path.substring(0, dot), path.substring(dot + 1), false);
  }

  /** The parent part ({@link RevisionName#PHI} for a root). */
  public String parent() {
    return parent;
  }

  /** The child part {@code <hextime>-<payload digest>}. */
  public String child() {
    return child;
  }

  /** The file name. */
  public String path() {
    return parent + "." + child;
  }

  /** The hextime of the child part: when the revision was written. */
  public String epoch() {
    return child.length() >= 11 ? child.substring(0, 11) : child;
  }

  /** The digest of the parent part. */
  public String parentDigest() {
    int d = parent.indexOf('-');
    return d < 0 ? parent : parent.substring(d + 1);
  }

  /** The digest of the child part: the SHA-1 of the payload. */
  public String childDigest() {
    int d = child.indexOf('-');
    return d < 0 ? child : child.substring(d + 1);
  }

  /** True if the traversal that produced this revision found no revision built on it. */
  public boolean isLeaf() {
    return leaf;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Revision && ((Revision) o).path().equals(path()) && ((Revision) o).leaf == leaf;
  }

  @Override
  public int hashCode() {
    return path().hashCode();
  }

  @Override
  public String toString() {
    return path() + (leaf ? " (leaf)" : "");
  }
}
