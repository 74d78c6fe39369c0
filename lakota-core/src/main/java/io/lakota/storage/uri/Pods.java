package io.lakota.storage.uri;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.ValidationException;
import io.lakota.storage.CachePod;
import io.lakota.storage.Pod;
import io.lakota.storage.PodProvider;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.http.HttpPod;
import io.lakota.storage.memory.MemoryPod;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Opens pods from repository URIs (SEMANTICS.md §7.5, CLI.md §1).
 *
 * <ul>
 *   <li>{@code null}, {@code ""}, {@code ":memory:"}, {@code "memory://"}: a new, empty {@link MemoryPod};
 *       {@code "memory://?lru_size=N"}: one in LRU mode of N bytes.
 *   <li>A path without scheme ({@code "some/path"}, {@code "/abs"}, {@code "~/x"}): a {@link FilePod}, {@code ~}
 *       being the home directory. {@code "file:///rel"} is the <em>relative</em> path {@code rel} (one {@code /}
 *       is removed), {@code "file:////abs"} the absolute {@code /abs}; the query {@code ?fsync=true} turns fsync on.
 *   <li>{@code http://} and {@code https://}: an {@link HttpPod} (HTTP.md §2).
 *   <li>Other schemes are offered to the {@link PodProvider}s found by {@link ServiceLoader} (S3 lives in another
 *       module).
 *   <li>A list of two or more URIs: a {@link CachePod} of the first in front of the rest.
 * </ul>
 *
 * <p>Every malformed or unsupported URI fails with a {@link ValidationException}. Stateless and thread-safe; each
 * call opens a new pod (two memory URIs never share a store).
 */
public final class Pods {
  private static final System.Logger LOG = System.getLogger("lakota");

  private Pods() {}

  /** The pod of one repository URI. */
  public static Pod fromUri(String uri) {
    if (uri == null || uri.isEmpty() || uri.equals(":memory:")) {
      return new MemoryPod();
    }
    int separator = uri.indexOf("://");
    if (separator < 0) {
      return new FilePod(expandHome(uri, uri));
    }
    String scheme = uri.substring(0, separator);
    String rest = uri.substring(separator + 3);
    switch (scheme) {
      case "memory":
        return memory(uri, rest);
      case "file":
        return file(uri, rest);
      case "ssh":
        throw new ValidationException("SSH support not implemented yet");
      case "http":
      case "https":
        return HttpPod.open(uri);
      default:
        return fromProvider(uri, scheme);
    }
  }

  /**
   * The pod of a cache chain: one URI gives its pod, several give {@code CachePod(fromUri(first),
   * fromUris(rest))}.
   */
  public static Pod fromUris(List<String> uris) {
    if (uris == null || uris.isEmpty()) {
      throw new ValidationException("Cannot open a repository: no URI given");
    }
    if (uris.size() == 1) {
      return fromUri(uris.get(0));
    }
    return new CachePod(fromUri(uris.get(0)), fromUris(uris.subList(1, uris.size())));
  }

  private static Pod memory(String uri, String rest) {
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    long lruSize = 0;
    for (Map.Entry<String, String> parameter : query(uri, rest, question).entrySet()) {
      if (!parameter.getKey().equals("lru_size")) {
        throw unknownParameter(uri, parameter.getKey());
      }
      try {
        lruSize = Long.parseLong(parameter.getValue());
      } catch (NumberFormatException e) {
        lruSize = -1;
      }
      ValidationException.check(lruSize > 0, "Cannot open \"%s\": lru_size must be a positive integer", uri);
    }
    MemoryPod pod = lruSize > 0 ? MemoryPod.withLru(lruSize) : new MemoryPod();
    // a path after memory:// only names a folder of the new, empty store
    String folder = path.replaceFirst("^/+", "");
    try {
      return folder.isEmpty() ? pod : pod.cd(folder);
    } catch (InvalidPathException e) {
      throw new ValidationException("Cannot open \"" + uri + "\": " + e.getMessage(), e);
    }
  }

  private static Pod file(String uri, String rest) {
    if (!rest.startsWith("/")) {
      throw new ValidationException("Malformed repo uri, should start with 'file:///'");
    }
    int question = rest.indexOf('?');
    String path = (question < 0 ? rest : rest.substring(0, question)).substring(1);
    boolean fsync = false;
    for (Map.Entry<String, String> parameter : query(uri, rest, question).entrySet()) {
      if (!parameter.getKey().equals("fsync")) {
        throw unknownParameter(uri, parameter.getKey());
      }
      String value = parameter.getValue().toLowerCase(Locale.ROOT);
      ValidationException.check(
          value.equals("true") || value.equals("false"), "Cannot open \"%s\": fsync must be true or false", uri);
      fsync = value.equals("true");
    }
    return new FilePod(expandHome(uri, path), fsync);
  }

  private static Pod fromProvider(String uri, String scheme) {
    Iterator<PodProvider> providers = ServiceLoader.load(PodProvider.class).iterator();
    while (true) {
      PodProvider provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError e) {
        // a broken provider must not hide the others, nor the built-in forms
        LOG.log(Level.WARNING, "Ignoring a pod provider that cannot be loaded: " + e.getMessage());
        continue;
      }
      if (provider.accepts(scheme)) {
        return provider.open(uri);
      }
    }
    if (scheme.equals("s3") || scheme.equals("http") || scheme.equals("https")) {
      String backend = scheme.equals("s3") ? "s3" : "http";
      throw new ValidationException(
          "Cannot open \"" + uri + "\": the " + backend + " backend is not available in this build");
    }
    throw new ValidationException("Protocol \"" + scheme + "\" not supported in \"" + uri + "\"");
  }

  /** The parameters of the query after {@code rest[question]}, in order; none when there is no query. */
  private static Map<String, String> query(String uri, String rest, int question) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (question < 0) {
      return parameters;
    }
    for (String pair : rest.substring(question + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      ValidationException.check(equals > 0, "Cannot open \"%s\": malformed parameter \"%s\"", uri, pair);
      parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return parameters;
  }

  private static ValidationException unknownParameter(String uri, String name) {
    return new ValidationException("Cannot open \"" + uri + "\": unknown parameter \"" + name + "\"");
  }

  /** {@code ~} and {@code ~/…} are relative to the home directory; {@code ~user} is not expanded. */
  private static Path expandHome(String uri, String path) {
    try {
      if (path.equals("~") || path.startsWith("~/")) {
        return Path.of(System.getProperty("user.home"), path.substring(1).replaceFirst("^/+", ""));
      }
      return Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ValidationException("Cannot open \"" + uri + "\": " + e.getMessage(), e);
    }
  }
}
