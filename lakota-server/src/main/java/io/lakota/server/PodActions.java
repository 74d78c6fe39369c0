package io.lakota.server;

import io.lakota.storage.Pod;
import io.lakota.storage.PodPath;
import io.lakota.storage.http.HttpProtocol;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Fields;

/**
 * The six actions of the pod protocol (HTTP.md §1.2), each translated to one pod call. Parameters come from the
 * query string; paths are normalized (and refused when they escape the repository) before the pod sees them.
 * Stateless.
 */
final class PodActions {
  private PodActions() {}

  /** True for the actions that change the repository. */
  static boolean isWrite(String action) {
    return action.equals("write") || action.equals("rm") || action.equals("mv");
  }

  static boolean isKnown(String action) {
    switch (action) {
      case "ls":
      case "read":
      case "write":
      case "rm":
      case "mv":
      case "walk":
        return true;
      default:
        return false;
    }
  }

  /**
   * Runs {@code action} on {@code pod}.
   *
   * @param binary true when the client accepts {@link HttpProtocol#BINARY} reads
   * @param body the request body, read only by {@code write}
   */
  static Reply run(String action, Pod pod, Fields query, boolean binary, Supplier<byte[]> body) {
    switch (action) {
      case "ls":
        return Reply.json(ServerJson.body(pod.ls(path(query, "path", "."), false)));
      case "read": {
        byte[] data = pod.read(path(query, "path", null));
        return binary ? Reply.binary(data) : Reply.base64(data);
      }
      case "write": {
        String path = path(query, "path", null);
        long written = pod.write(path, body.get(), flag(query, "force"));
        return Reply.json(written < 0 ? "{\"body\":null}" : "{\"body\":" + written + "}");
      }
      case "rm":
        pod.rm(path(query, "path", null), flag(query, "recursive"), flag(query, "missing_ok"));
        return Reply.json("{\"status\":\"ok\"}");
      case "mv":
        pod.mv(path(query, "from_path", null), path(query, "to_path", null), flag(query, "missing_ok"));
        return Reply.json("{\"status\":\"ok\"}");
      case "walk": {
        String path = path(query, "path", ".");
        Integer maxDepth = integer(query, "max_depth");
        List<String> files = pod.cd(path).walk(maxDepth == null ? -1 : maxDepth);
        return Reply.json(ServerJson.body(files));
      }
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }

  /** The path parameter {@code name} in normal form; {@code fallback} when absent (null: required). */
  static String path(Fields query, String name, String fallback) {
    String value = query.getValue(name);
    if (value == null) {
      if (fallback == null) {
        throw new RequestException(400, HttpProtocol.ERROR_BAD_REQUEST, "Missing parameter \"" + name + "\"");
      }
      return fallback;
    }
    // InvalidPathException (a path escaping the repository) is answered 400 by the handler
    return PodPath.display(PodPath.normalize(value));
  }

  /** HTTP.md §1.2: true iff the value, lower-cased, is {@code true}. */
  static boolean flag(Fields query, String name) {
    String value = query.getValue(name);
    return value != null && value.equalsIgnoreCase("true");
  }

  private static Integer integer(Fields query, String name) {
    String value = query.getValue(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new RequestException(400, HttpProtocol.ERROR_BAD_REQUEST,
          "Parameter \"" + name + "\" must be an integer, got \"" + value + "\"");
    }
  }
}
