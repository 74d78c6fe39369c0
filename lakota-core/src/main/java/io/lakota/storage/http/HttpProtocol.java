package io.lakota.storage.http;

/**
 * Names shared by the HTTP pod client and the Lakota pod server (HTTP.md §1-2): actions, parameters and the
 * extensions beyond the reference protocol, which a reference client or server simply ignores.
 *
 * <ul>
 *   <li><b>Binary reads.</b> A {@code read} request whose {@code Accept} header names {@link #BINARY} gets the raw
 *       file bytes ({@code Content-Type: application/octet-stream}, with a {@code Content-Length}) instead of the
 *       JSON/base64 document. A reference server ignores the header and answers JSON, which the client decodes:
 *       the fallback costs no extra request.
 *   <li><b>Typed errors.</b> Error responses carry {@link #ERROR_HEADER} (one of the {@code ERROR_*} codes) and,
 *       for storage failures, {@link #REASON_HEADER} (e.g. {@code is a folder}), so that the client raises the
 *       same exception, with the same message, as a local pod would.
 * </ul>
 */
public final class HttpProtocol {
  /** The media type of binary read responses. */
  public static final String BINARY = "application/octet-stream";
  /** The media type of the reference's responses. */
  public static final String JSON = "application/json";

  /** Response header: the error code of a failed request. */
  public static final String ERROR_HEADER = "Lakota-Error";
  /** Response header: the reason of a storage failure, as the pod stated it (ASCII). */
  public static final String REASON_HEADER = "Lakota-Error-Reason";

  /** The path or the source of a move does not exist (404). */
  public static final String ERROR_NOT_FOUND = "not-found";
  /** A non-recursive removal of a non-empty folder (500, as the reference). */
  public static final String ERROR_NOT_EMPTY = "not-empty";
  /** Any other storage failure; the reason header says which (500). */
  public static final String ERROR_STORAGE = "storage";
  /** A path escaping the repository or otherwise malformed (400). */
  public static final String ERROR_INVALID_PATH = "invalid-path";
  /** A missing or malformed parameter (400). */
  public static final String ERROR_BAD_REQUEST = "bad-request";
  /** No bearer token (401). */
  public static final String ERROR_UNAUTHORIZED = "unauthorized";
  /** A bearer token the server does not accept (403). */
  public static final String ERROR_FORBIDDEN = "forbidden";
  /** A write, rm or mv on a read-only server (403). */
  public static final String ERROR_READ_ONLY = "read-only";
  /** A request body above the server's limit (413). */
  public static final String ERROR_TOO_LARGE = "too-large";
  /** An action the server does not know (404). */
  public static final String ERROR_UNKNOWN_ACTION = "unknown-action";

  private HttpProtocol() {}
}
