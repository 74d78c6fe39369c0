package io.lakota.id;

import io.lakota.errors.ValidationException;

/**
 * The two-level folder layout of hashed objects (FORMAT.md §2): {@code 2bc88942…} lives at
 * {@code 2b/c8/88942…}. Used for data files, the registry folder and collection folders.
 */
public final class HashedPath {
  private HashedPath() {}

  /** {@code aa/bb/rest} for a hex string longer than 4 characters. */
  public static String of(String hex) {
    ValidationException.check(hex.length() > 4, "Cannot build a hashed path from \"%s\": too short", hex);
    return hex.substring(0, 2) + '/' + hex.substring(2, 4) + '/' + hex.substring(4);
  }

  /** The folder part {@code aa/bb}. */
  public static String folder(String hex) {
    return of(hex).substring(0, 5);
  }

  /** The file-name part (everything after the first four characters). */
  public static String fileName(String hex) {
    return of(hex).substring(6);
  }
}
