package io.lakota.id;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 digests as 40-character lowercase hex strings, the names of every object in a repository
 * (FORMAT.md §7).
 */
public final class Digests {
  /** The digest of the empty byte string, the digest of every empty array. */
  public static final String EMPTY = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(Digests::newSha1);

  private Digests() {}

  /** A new SHA-1 engine of its own, for a digest fed from several threads in turn (not this thread's engine). */
  public static MessageDigest newSha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  /** This thread's SHA-1 engine, reset: for digests of data fed in pieces (finish with {@link #hex}). */
  public static MessageDigest sha1Engine() {
    MessageDigest md = SHA1.get();
    md.reset();
    return md;
  }

  /** The SHA-1 hex digest of {@code data[off, off + len)}. */
  public static String sha1(byte[] data, int off, int len) {
    MessageDigest md = SHA1.get();
    md.reset();
    md.update(data, off, len);
    return hex(md.digest());
  }

  /** The SHA-1 hex digest of {@code data}. */
  public static String sha1(byte[] data) {
    return sha1(data, 0, data.length);
  }

  /** Lowercase hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** True if {@code s} is exactly 40 lowercase hex characters. */
  public static boolean isDigest(String s) {
    return s != null && s.length() == 40 && isLowerHex(s, 0, 40);
  }

  /** True if {@code s[from, to)} is made of lowercase hex characters only. */
  public static boolean isLowerHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
