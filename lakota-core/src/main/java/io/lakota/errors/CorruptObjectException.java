package io.lakota.errors;

/**
 * Stored bytes cannot be decoded: a truncated or corrupted data file, a malformed commit payload, a blosc or
 * zstd frame whose header contradicts its content. Carries the location (pod path or digest) when known.
 */
public class CorruptObjectException extends LakotaException {
  private static final long serialVersionUID = 1L;
  private final String location;

  public CorruptObjectException(String location, String problem) {
    this(location, problem, null);
  }

  public CorruptObjectException(String location, String problem, Throwable cause) {
    super(location == null ? "Cannot decode: " + problem : "Cannot decode " + location + ": " + problem, cause);
    this.location = location;
  }

  /** Where the corrupt bytes came from (a pod path or a digest), or null when not known. */
  public String location() {
    return location;
  }

  /** The same problem, attributed to {@code newLocation} (used when a decoder learns where its input came from). */
  public CorruptObjectException at(String newLocation) {
    if (location != null) {
      return this;
    }
    String problem = getMessage().substring("Cannot decode: ".length());
    return new CorruptObjectException(newLocation, problem, getCause() == null ? this : getCause());
  }
}
