package io.lakota.storage.http;

import io.lakota.errors.HttpStatusException;
import io.lakota.errors.InvalidPathException;
import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.errors.ValidationException;
import io.lakota.internal.util.Json;
import io.lakota.storage.Pod;
import io.lakota.storage.PodMetrics;
import io.lakota.storage.PodPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod served over HTTP by {@code lakota serve} or the reference's server (HTTP.md §2), kind {@code "HttpPOD"}.
 * Open one with {@link #open(String)} from {@code http(s)://host:port/prefix?header-Name=value&token=…} or with
 * {@link #builder(URI)}.
 *
 * <p>Every call is one request (two for {@link #isFile}), sent with the pod-relative path of the call joined to the
 * path of this pod. Reads ask for the binary representation ({@link HttpProtocol#BINARY}) and decode the
 * reference's JSON/base64 document when the server answers with that instead. Transient failures are retried by
 * the endpoint's {@link RetryPolicy}: a write retried after a lost answer may then report -1 (the file exists, with
 * the same content), and a retried {@code rm} or {@code mv} whose first attempt went through is not reported as
 * "not found".
 *
 * <p>Errors are those of {@link Pod}, with the same messages as a local pod when the server is a Lakota server
 * (which sends typed errors); other refusals are {@link HttpStatusException}s carrying the status. Paths are
 * checked before any request. Thread-safe: pods from one {@code open} and their {@code cd} children share one
 * connection pool.
 */
public final class HttpPod implements Pod {
  /** The metrics kind of HTTP pods. */
  public static final String KIND = "HttpPOD";

  /** Environment variable holding a bearer token, used when the URI gives no {@code Authorization}. */
  public static final String TOKEN_VARIABLE = "LAKOTA_HTTP_TOKEN";

  private static final String READ_ACCEPT = HttpProtocol.BINARY + ", " + HttpProtocol.JSON + ";q=0.5";

  private final HttpEndpoint endpoint;
  private final String root;

  HttpPod(HttpEndpoint endpoint, String root) {
    this.endpoint = endpoint;
    this.root = root;
  }

  /** Same as {@code open(uri, System.getenv())}. */
  public static HttpPod open(String uri) {
    return open(uri, System.getenv());
  }

  /**
   * The pod of an {@code http://} or {@code https://} URI. Query parameters: {@code header-<Name>=<value>} adds a
   * header to every request (the reference's form, e.g. {@code header-Authorization=Bearer%20xyz});
   * {@code token=<t>} sends {@code Authorization: Bearer <t>}; {@code retries=<n>} (default 4) and
   * {@code timeout=<seconds>} (per request, default 300). Other parameters are ignored, as the reference does.
   * Without an {@code Authorization} header, the variable {@value #TOKEN_VARIABLE} of {@code environment} gives
   * the token.
   *
   * @throws ValidationException when the URI is malformed
   */
  public static HttpPod open(String uri, Map<String, String> environment) {
    return HttpPodUri.parse(uri, environment).build();
  }

  /** A builder of pods served at {@code base} (an {@code http} or {@code https} URL; its query is ignored). */
  public static HttpPodBuilder builder(URI base) {
    return new HttpPodBuilder(base);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public HttpPod cd(String path) {
    return new HttpPod(endpoint, PodPath.join(root, PodPath.normalize(path)));
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    String rel = PodPath.normalize(path);
    String shown = PodPath.display(rel);
    String what = "list " + shown;
    HttpResponse<InputStream> response = send("ls", new String[] {"path", remote(rel)}, null, null, shown, what);
    if (response.statusCode() == 404 && isNotFound(response)) {
      close(response);
      if (missingOk) {
        return new ArrayList<>();
      }
      throw new NotFoundException(shown, "Cannot list " + shown + ": no such folder");
    }
    return strings(jsonBody(response, shown, what), shown, what);
  }

  @Override
  public byte[] read(String path) {
    String rel = PodPath.normalize(path);
    String shown = PodPath.display(rel);
    String what = "read " + shown;
    HttpResponse<InputStream> response =
        send("read", new String[] {"path", remote(rel)}, null, READ_ACCEPT, shown, what);
    if (response.statusCode() == 404 && isNotFound(response)) {
      close(response);
      throw new NotFoundException(shown, "Cannot read " + shown + ": no such file");
    }
    checkOk(response, shown, what);
    byte[] data;
    if (response.headers().firstValue("Content-Type").orElse("").startsWith(HttpProtocol.BINARY)) {
      data = binary(response, shown, what);
    } else {
      Object body = jsonBody(response, shown, what);
      if (!(body instanceof String)) {
        throw malformed(shown, what, "no base64 body");
      }
      try {
        data = Base64.getDecoder().decode((String) body);
      } catch (IllegalArgumentException e) {
        throw malformed(shown, what, "bad base64 body");
      }
    }
    PodMetrics.read(KIND, data.length);
    return data;
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    String rel = PodPath.normalize(path);
    if (rel.isEmpty()) {
      throw new InvalidPathException(path, "names the pod root, not a file");
    }
    Objects.requireNonNull(data, "data");
    String shown = PodPath.display(rel);
    String what = "write " + shown;
    PodMetrics.write(KIND, data.length);
    HttpResponse<InputStream> response =
        send("write", new String[] {"path", remote(rel), "force", flag(force)}, data, null, shown, what);
    Object body = jsonBody(response, shown, what);
    if (body == null) {
      return -1;
    }
    if (!(body instanceof Long)) {
      throw malformed(shown, what, "the body is not a byte count");
    }
    return (Long) body;
  }

  @Override
  public boolean isDir(String path) {
    // not part of the protocol: a folder is what lists
    try {
      ls(path, false);
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (HttpStatusException e) {
      if (e.status() == 500 && e.code() == null) {
        return false; // the reference server fails listing a file with a bare 500
      }
      throw e;
    } catch (InvalidPathException e) {
      throw e;
    } catch (StorageException e) {
      if (e.getCause() != null) {
        throw e; // no answer: unknown, not "no"
      }
      return false; // "not a folder"
    }
  }

  @Override
  public boolean isFile(String path) {
    String rel = PodPath.normalize(path);
    if (rel.isEmpty()) {
      return false;
    }
    List<String> siblings = ls(PodPath.parent(rel), true);
    return siblings.contains(PodPath.name(rel)) && !isDir(rel);
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    String rel = PodPath.normalize(path);
    String shown = PodPath.display(rel);
    String what = "remove " + shown;
    String[] params = {"recursive", flag(recursive), "missing_ok", flag(missingOk), "path", remote(rel)};
    HttpEndpoint.Exchange exchange = endpoint.send("rm", params, new byte[0], null, shown, what);
    HttpResponse<InputStream> response = exchange.response();
    if (response.statusCode() == 404 && isNotFound(response)) {
      close(response);
      // after a lost answer, the earlier attempt may have done it: only a first attempt proves absence
      if (missingOk || exchange.attempts() > 1) {
        return;
      }
      throw new NotFoundException(shown, "Cannot remove " + shown + ": no such file or folder");
    }
    jsonBody(response, shown, what);
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    String src = PodPath.normalize(from);
    String dst = PodPath.normalize(to);
    if (dst.isEmpty()) {
      throw new InvalidPathException(to, "names the pod root, not a file");
    }
    String shown = PodPath.display(src);
    String what = "move " + shown + " to " + dst;
    String[] params = {"from_path", remote(src), "to_path", remote(dst), "missing_ok", flag(missingOk)};
    HttpEndpoint.Exchange exchange = endpoint.send("mv", params, new byte[0], null, shown, what);
    HttpResponse<InputStream> response = exchange.response();
    if (response.statusCode() == 404 && isNotFound(response)) {
      close(response);
      // after a lost answer, the earlier attempt may have done it: only a first attempt proves absence
      if (missingOk || exchange.attempts() > 1) {
        return;
      }
      throw new NotFoundException(shown, "Cannot move " + what.substring(5) + ": no such file");
    }
    jsonBody(response, shown, what);
  }

  @Override
  public List<String> walk(int maxDepth) {
    if (maxDepth == 0) {
      return new ArrayList<>();
    }
    String shown = PodPath.display(root);
    String what = "walk " + shown;
    String[] params = {"path", root.isEmpty() ? null : root, "max_depth", maxDepth < 0 ? null : "" + maxDepth};
    HttpResponse<InputStream> response = send("walk", params, null, null, shown, what);
    if (response.statusCode() == 404 && isNotFound(response)) {
      close(response);
      return new ArrayList<>(); // a folder that does not exist holds no file
    }
    return strings(jsonBody(response, shown, what), shown, what);
  }

  /** The base URL and the path of this pod below it (no query, so no secret). */
  @Override
  public String toString() {
    return endpoint.base() + root;
  }

  private HttpResponse<InputStream> send(String action, String[] params, byte[] body, String accept, String shown,
      String what) {
    return endpoint.send(action, params, body, accept, shown, what).response();
  }

  /** The {@code path} parameter: the POSIX join of this pod's path and the call's, {@code .} for the root. */
  private String remote(String rel) {
    String joined = PodPath.join(root, rel);
    return joined.isEmpty() ? "." : joined;
  }

  private static String flag(boolean value) {
    return value ? "true" : "";
  }

  /** A 404 from the reference (no code) or a Lakota "not found"; not an unknown action or a missing mount. */
  private static boolean isNotFound(HttpResponse<?> response) {
    String code = response.headers().firstValue(HttpProtocol.ERROR_HEADER).orElse(null);
    return code == null || code.equals(HttpProtocol.ERROR_NOT_FOUND);
  }

  /** The {@code body} member of a successful JSON response; errors become exceptions. */
  private static Object jsonBody(HttpResponse<InputStream> response, String shown, String what) {
    checkOk(response, shown, what);
    String text;
    try (InputStream in = response.body()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException(shown, "Cannot " + what + ": the answer was cut: " + e.getMessage(), e);
    }
    Object document;
    try {
      document = Json.parse(text);
    } catch (ValidationException e) {
      throw malformed(shown, what, "not JSON");
    }
    if (!(document instanceof Map)) {
      throw malformed(shown, what, "not a JSON object");
    }
    return ((Map<?, ?>) document).get("body");
  }

  private static byte[] binary(HttpResponse<InputStream> response, String shown, String what) {
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (length > Integer.MAX_VALUE - 8) {
      close(response);
      throw new StorageException(shown, "Cannot " + what + ": " + length + " bytes do not fit in an array");
    }
    try (InputStream in = response.body()) {
      if (length < 0) {
        return in.readAllBytes();
      }
      byte[] data = in.readNBytes((int) length);
      if (data.length != length) {
        throw new StorageException(
            shown, "Cannot " + what + ": the answer was cut after " + data.length + " of " + length + " bytes");
      }
      return data;
    } catch (IOException e) {
      throw new StorageException(shown, "Cannot " + what + ": the answer was cut: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(Object body, String shown, String what) {
    if (!(body instanceof List)) {
      throw malformed(shown, what, "the body is not a list");
    }
    List<String> names = new ArrayList<>();
    for (Object name : (List<?>) body) {
      if (!(name instanceof String)) {
        throw malformed(shown, what, "the body is not a list of names");
      }
      names.add((String) name);
    }
    return names;
  }

  /** Turns a non-2xx response into the exception a local pod would throw, or an {@link HttpStatusException}. */
  private static void checkOk(HttpResponse<InputStream> response, String shown, String what) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String code = response.headers().firstValue(HttpProtocol.ERROR_HEADER).orElse(null);
    String reason = response.headers().firstValue(HttpProtocol.REASON_HEADER).orElse(null);
    String text = errorText(response);
    if (HttpProtocol.ERROR_NOT_EMPTY.equals(code)) {
      throw new NotEmptyException(shown);
    }
    if (HttpProtocol.ERROR_STORAGE.equals(code) && reason != null) {
      throw new StorageException(shown, "Cannot " + what + ": " + reason);
    }
    throw new HttpStatusException(shown, status, code, "Cannot " + what + ": " + response.uri().getScheme() + "://"
        + response.uri().getAuthority() + " answered " + status + (text.isEmpty() ? "" : " (" + text + ")"));
  }

  /** The start of an error body, on one line. */
  private static String errorText(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      String text = new String(in.readNBytes(300), StandardCharsets.UTF_8);
      return text.replaceAll("\\s+", " ").strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static StorageException malformed(String shown, String what, String problem) {
    return new StorageException(shown, "Cannot " + what + ": malformed answer from the server: " + problem);
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing more to read from it
    }
  }
}
