package io.lakota.server;

import io.lakota.errors.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bearer tokens a server accepts. Only SHA-256 digests are kept, and a presented token is compared with every
 * digest in constant time, so neither memory dumps nor response timing reveal the tokens. Immutable, thread-safe.
 */
public final class BearerTokens {
  /** Environment variable read by {@code lakota serve}: tokens separated by commas or white space. */
  public static final String VARIABLE = "LAKOTA_SERVE_TOKENS";

  private static final BearerTokens NONE = new BearerTokens(List.of());

  private final List<byte[]> digests;

  private BearerTokens(List<byte[]> digests) {
    this.digests = digests;
  }

  /** No token: the server does not authenticate. */
  public static BearerTokens none() {
    return NONE;
  }

  /**
   * The given tokens.
   *
   * @throws ValidationException when a token is shorter than 16 characters or has characters outside printable
   *     ASCII (a header could not carry it)
   */
  public static BearerTokens of(List<String> tokens) {
    List<byte[]> digests = new ArrayList<>();
    for (String token : tokens) {
      ValidationException.check(token.length() >= 16,
          "Cannot use a bearer token of %d characters: at least 16 are needed", token.length());
      ValidationException.check(token.chars().allMatch(c -> c > 32 && c < 127),
          "Cannot use a bearer token with blanks or non-ASCII characters");
      digests.add(sha256(token));
    }
    return new BearerTokens(List.copyOf(digests));
  }

  /** Tokens separated by commas or white space ({@link #VARIABLE}'s format); blank text gives none. */
  public static BearerTokens parse(String text) {
    List<String> tokens = new ArrayList<>();
    for (String token : text.split("[,\\s]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return of(tokens);
  }

  /**
   * The tokens of a file: one per line; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws ValidationException when the file cannot be read or holds no token
   */
  public static BearerTokens fromFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ValidationException("Cannot read the token file " + file + ": " + e.getMessage(), e);
    }
    List<String> tokens = new ArrayList<>();
    for (String line : lines) {
      String token = line.strip();
      if (!token.isEmpty() && !token.startsWith("#")) {
        tokens.add(token);
      }
    }
    ValidationException.check(!tokens.isEmpty(), "Cannot use the token file %s: it holds no token", file);
    return of(tokens);
  }

  /** These tokens and {@code other}'s. */
  public BearerTokens and(BearerTokens other) {
    List<byte[]> all = new ArrayList<>(digests);
    all.addAll(other.digests);
    return new BearerTokens(List.copyOf(all));
  }

  /** True when no token is configured. */
  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** The number of tokens. */
  public int size() {
    return digests.size();
  }

  /** True if {@code token} is one of the tokens; every digest is compared, matching or not. */
  public boolean accepts(String token) {
    byte[] presented = sha256(token);
    boolean found = false;
    for (byte[] digest : digests) {
      found |= MessageDigest.isEqual(digest, presented);
    }
    return found;
  }

  /** A short, non-secret name of a token for logs: the first 8 hex digits of its SHA-256. */
  static String fingerprint(String token) {
    return HexFormat.of().formatHex(sha256(token), 0, 4);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
