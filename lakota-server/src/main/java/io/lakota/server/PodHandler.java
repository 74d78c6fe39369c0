package io.lakota.server;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.LakotaException;
import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.storage.Pod;
import io.lakota.storage.http.HttpProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Routes {@code <prefix>/<action>} requests to the mounted pods (HTTP.md §1): authentication, read-only refusal,
 * request size limit, the action, the mapping of exceptions to statuses, and one access-log line. Blocking (Java
 * 17 has no virtual threads: the server's bounded thread pool runs it). Thread-safe.
 */
final class PodHandler extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger("lakota.server");

  private final Mounts mounts;
  private final BearerTokens tokens;
  private final boolean readOnly;
  private final long maxRequestBytes;
  private final AtomicLong requests = new AtomicLong();

  PodHandler(Mounts mounts, BearerTokens tokens, boolean readOnly, long maxRequestBytes) {
    this.mounts = mounts;
    this.tokens = tokens;
    this.readOnly = readOnly;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The number of requests handled so far. */
  long requests() {
    return requests.get();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    requests.incrementAndGet();
    String target = Request.getPathInContext(request);
    Fields query = Request.extractQueryParameters(request);
    String action = null;
    String token = null;
    long[] received = {-1}; // -1 until the body is read
    Reply reply;
    try {
      if (!request.getMethod().equals("GET") && !request.getMethod().equals("POST")) {
        throw new RequestException(405, HttpProtocol.ERROR_BAD_REQUEST, "Only GET and POST are accepted");
      }
      token = authenticate(request);
      int slash = target.lastIndexOf('/');
      String prefix = Mounts.clean(target.substring(0, Math.max(slash, 0)));
      String name = target.substring(slash + 1);
      Pod pod = mounts.at(prefix);
      if (pod == null || !PodActions.isKnown(name)) {
        reply = Mounts.clean(target).equals(mounts.basePath()) || target.equals("/")
            ? Reply.html(index())
            : Reply.error(404, HttpProtocol.ERROR_UNKNOWN_ACTION, null, "Action \"" + name + "\" not supported");
      } else {
        action = name;
        if (readOnly && PodActions.isWrite(name)) {
          throw new RequestException(403, HttpProtocol.ERROR_READ_ONLY, "This server is read-only");
        }
        boolean binary = request.getHeaders().get(HttpHeader.ACCEPT) != null
            && request.getHeaders().get(HttpHeader.ACCEPT).contains(HttpProtocol.BINARY);
        reply = PodActions.run(name, pod, query, binary, () -> {
          byte[] body = body(request);
          received[0] = body.length;
          return body;
        });
      }
    } catch (RequestException e) {
      reply = Reply.error(e.status(), e.code(), null, e.getMessage());
    } catch (LakotaException e) {
      reply = failure(e, query);
    } catch (UncheckedIOException e) {
      reply = Reply.error(400, HttpProtocol.ERROR_BAD_REQUEST, null, "Cannot read the request body");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Internal error on " + request.getMethod() + " " + target, e);
      reply = Reply.error(500, null, null, "Internal error");
    }
    boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (received[0] < 0 && hasBody) {
      // an unread body (a refused write) would be taken for the next request: end the connection cleanly
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    if (reply.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"lakota\"");
    } else if (reply.status() == 405) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
    }
    AccessLog.log(request.getMethod(), target, action, pathOf(query, action), reply.status(), Math.max(received[0], 0),
        reply.length(), System.nanoTime() - start, Request.getRemoteAddr(request),
        token == null ? null : BearerTokens.fingerprint(token), reply.status() >= 500 && reply.code() == null);
    try {
      reply.send(response, callback);
    } catch (IOException e) {
      callback.failed(e); // the client went away while the answer was being written
    }
    return true;
  }

  /** The accepted token, or null when the server has none; refuses a missing (401) or unknown (403) token. */
  private String authenticate(Request request) {
    if (tokens.isEmpty()) {
      return null;
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      throw new RequestException(401, HttpProtocol.ERROR_UNAUTHORIZED, "A bearer token is required");
    }
    String token = header.substring(7).strip();
    if (!tokens.accepts(token)) {
      throw new RequestException(403, HttpProtocol.ERROR_FORBIDDEN, "The bearer token is not accepted");
    }
    return token;
  }

  /** The whole request body, refused with 413 above the limit before it is read when its length is declared. */
  private byte[] body(Request request) {
    long length = request.getLength();
    if (length > maxRequestBytes) {
      throw tooLarge();
    }
    try (InputStream in = Request.asInputStream(request)) {
      if (length >= 0) {
        byte[] data = in.readNBytes((int) length);
        if (data.length != length) {
          throw new RequestException(400, HttpProtocol.ERROR_BAD_REQUEST, "The request body was cut");
        }
        return data;
      }
      byte[] data = in.readNBytes((int) Math.min(maxRequestBytes + 1, Integer.MAX_VALUE - 8));
      if (data.length > maxRequestBytes) {
        throw tooLarge();
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RequestException tooLarge() {
    return new RequestException(413, HttpProtocol.ERROR_TOO_LARGE,
        "The request body is larger than the limit of " + maxRequestBytes + " bytes");
  }

  /** HTTP.md §1.2 statuses, with the Lakota error code and reason the Java client turns back into exceptions. */
  private static Reply failure(LakotaException e, Fields query) {
    if (e instanceof InvalidPathException) {
      return Reply.error(400, HttpProtocol.ERROR_INVALID_PATH, null, e.getMessage());
    }
    if (e instanceof NotFoundException) {
      String path = query.getValue("path") != null ? query.getValue("path") : query.getValue("from_path");
      return Reply.error(404, HttpProtocol.ERROR_NOT_FOUND, null, "Path \"" + path + "\" not found");
    }
    if (e instanceof NotEmptyException) {
      return Reply.error(500, HttpProtocol.ERROR_NOT_EMPTY, null, e.getMessage());
    }
    if (e instanceof StorageException) {
      return Reply.error(500, HttpProtocol.ERROR_STORAGE, reason(e.getMessage()), e.getMessage());
    }
    return Reply.error(500, null, null, e.getMessage());
  }

  /**
   * What follows the last {@code ": "} of a pod message ({@code Cannot read aa: is a folder} gives {@code is a
   * folder}): the client rebuilds the message around its own view of the path. Made printable ASCII for a header.
   */
  static String reason(String message) {
    int colon = message.lastIndexOf(": ");
    String reason = colon < 0 ? message : message.substring(colon + 2);
    StringBuilder out = new StringBuilder(reason.length());
    for (int i = 0; i < reason.length() && out.length() < 200; i++) {
      char c = reason.charAt(i);
      out.append(c >= 32 && c < 127 ? c : '?');
    }
    return out.toString();
  }

  private static String pathOf(Fields query, String action) {
    if (action == null) {
      return null;
    }
    return action.equals("mv") ? query.getValue("from_path") + " -> " + query.getValue("to_path")
        : query.getValue("path");
  }

  /** HTTP.md §1.1: the list of mounted prefixes (informative). */
  private String index() {
    StringBuilder page = new StringBuilder("<h4>Available endpoints:</h4><ul>");
    for (Map.Entry<String, Pod> mount : mounts.byPrefix().entrySet()) {
      String prefix = mount.getKey().isEmpty() ? "/" : mount.getKey();
      String escaped = prefix.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
      page.append("<li><a href=\"").append(escaped).append("\">").append(escaped).append("</a></li>");
    }
    return page.append("</ul>").toString();
  }
}
