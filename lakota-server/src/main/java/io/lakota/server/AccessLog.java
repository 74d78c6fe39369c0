package io.lakota.server;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * One structured line per request on the {@code System.Logger} named {@code lakota.server.access}, at INFO (WARNING
 * for internal errors): {@code method=POST target="/repo/write" action=write path="aa/bb" status=200 in=1965
 * out=12 ms=1.42 client=127.0.0.1 token=3f2a9c1e}. Tokens appear only as fingerprints. Thread-safe.
 */
final class AccessLog {
  private static final System.Logger LOG = System.getLogger("lakota.server.access");

  private AccessLog() {}

  static boolean isEnabled() {
    return LOG.isLoggable(Level.INFO);
  }

  /** Logs one request; {@code unexpected} (a failure the server did not anticipate) raises the level to WARNING. */
  static void log(String method, String target, String action, String path, int status, long in, long out,
      long nanos, String client, String token, boolean unexpected) {
    Level level = unexpected ? Level.WARNING : Level.INFO;
    if (!LOG.isLoggable(level)) {
      return;
    }
    StringBuilder line = new StringBuilder(160);
    line.append("method=").append(method).append(" target=").append(quoted(target));
    if (action != null) {
      line.append(" action=").append(action);
    }
    if (path != null) {
      line.append(" path=").append(quoted(path));
    }
    line.append(" status=").append(status).append(" in=").append(in).append(" out=").append(out)
        .append(" ms=").append(String.format(Locale.ROOT, "%.2f", nanos / 1e6))
        .append(" client=").append(client);
    if (token != null) {
      line.append(" token=").append(token);
    }
    LOG.log(level, line.toString());
  }

  /** A value in double quotes, with quotes, backslashes and control characters escaped: one line per request. */
  private static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 32 || c == 127) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
