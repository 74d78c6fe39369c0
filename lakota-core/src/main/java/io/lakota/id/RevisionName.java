package io.lakota.id;

/**
 * Names of revision files: {@code <parent>.<child>}, each part {@code <11-hex time>-<40-hex digest>}
 * (FORMAT.md §4.2). A root revision's parent is {@link #PHI}.
 */
public final class RevisionName {
  /** The parent part of root revisions: 11 + 1 + 40 zeros-and-dash, 52 characters. */
  public static final String PHI = "00000000000-0000000000000000000000000000000000000000";

  /** Length of one part. */
  public static final int PART_LENGTH = 52;

  private RevisionName() {}

  /** True if {@code part} is {@code <11 lowercase hex>-<40 lowercase hex>}. */
  public static boolean isPart(String part) {
    return part.length() == PART_LENGTH
        && part.charAt(11) == '-'
        && Digests.isLowerHex(part, 0, 11)
        && Digests.isLowerHex(part, 12, PART_LENGTH);
  }

  /** True if {@code name} is {@code <part>.<part>}. */
  public static boolean isName(String name) {
    return name.length() == 2 * PART_LENGTH + 1
        && name.charAt(PART_LENGTH) == '.'
        && isPart(name.substring(0, PART_LENGTH))
        && isPart(name.substring(PART_LENGTH + 1));
  }

  /** The part {@code <hextime(millis)>-<digest>}. */
  public static String part(long millis, String digest) {
    return Hextime.of(millis) + '-' + digest;
  }

  /** The hextime of a part. */
  public static String epoch(String part) {
    return part.substring(0, 11);
  }

  /** The digest of a part. */
  public static String digest(String part) {
    return part.substring(12);
  }
}
