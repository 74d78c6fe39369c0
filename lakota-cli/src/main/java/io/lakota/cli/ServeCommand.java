package io.lakota.cli;

import io.lakota.server.BearerTokens;
import io.lakota.server.Mounts;
import io.lakota.server.PodServer;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota serve REPO_MAP... [-w URI]} (CLI.md §4.13, HTTP.md §1): serves the raw pods of repositories over
 * HTTP until interrupted, with bearer tokens, a read-only mode and TLS beyond the reference. Prints one line on
 * stderr once listening: {@code Serving <url> (<mounts>)}.
 */
@Command(name = "serve", description = "Serve repositories over HTTP (the HTTP pod protocol).")
final class ServeCommand implements Callable<Integer> {
  /** Environment variable holding the key store password for {@code --keystore}. */
  static final String KEYSTORE_PASSWORD = "LAKOTA_KEYSTORE_PASSWORD";

  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "REPO_MAP",
      description = "\"name uri [uri ...]\": serve the repository (several URIs: a cache chain) at /name.")
  List<String> repoMaps = new ArrayList<>();

  @Option(names = {"-w", "--web-uri"}, paramLabel = "URI", defaultValue = "http://127.0.0.1:8080",
      description = "Address, port and base path to serve at (default: ${DEFAULT-VALUE}); https:// with --keystore.")
  String webUri;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Accepted bearer tokens, one per line (also: $" + BearerTokens.VARIABLE + "). "
          + "Required on a non-loopback address.")
  Path tokenFile;

  @Option(names = "--read-only", description = "Refuse write, rm and mv (403).")
  boolean readOnly;

  @Option(names = "--keystore", paramLabel = "FILE",
      description = "Serve HTTPS with this PKCS12/JKS key store; its password is read from $" + KEYSTORE_PASSWORD + ".")
  Path keyStore;

  @Option(names = "--max-request-size", paramLabel = "BYTES", defaultValue = "268435456",
      description = "Largest accepted request body in bytes (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "32",
      description = "Most requests served at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws InterruptedException {
    String scheme = keyStore == null ? "http://" : "https://";
    if (!webUri.startsWith(scheme)) {
      throw CliException.of("ValueError", "Incorrect web uri, it should start with '" + scheme + "'"
          + (keyStore == null ? "" : " with --keystore"));
    }
    URI uri;
    try {
      uri = new URI(webUri);
    } catch (URISyntaxException e) {
      throw CliException.of("ValueError", "Incorrect web uri: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw CliException.of("ValueError", "Incorrect web uri, no host in '" + webUri + "'");
    }
    Map<String, Pod> pods = new LinkedHashMap<>();
    for (String item : repoMaps) {
      List<String> words = new ArrayList<>(Arrays.asList(item.strip().split("\\s+")));
      if (words.size() < 2) {
        throw CliException.of("ValueError", "Missing uri in repo-map argument");
      }
      pods.put(words.get(0), Pods.fromUris(words.subList(1, words.size())));
    }
    Mounts mounts = Mounts.of(uri.getRawPath(), pods);
    PodServer.Builder builder = PodServer.builder(mounts)
        .host(uri.getHost().replaceAll("^\\[|\\]$", ""))
        .port(uri.getPort() < 0 ? (keyStore == null ? 80 : 443) : uri.getPort())
        .tokens(tokens())
        .readOnly(readOnly)
        .maxRequestBytes(maxRequestBytes)
        .maxThreads(threads);
    if (keyStore != null) {
      String password = lakota.invocation().environment().get(KEYSTORE_PASSWORD);
      if (password == null) {
        throw CliException.of("ValueError", "--keystore needs the key store password in $" + KEYSTORE_PASSWORD);
      }
      builder.tls(keyStore, password);
    }
    PodServer server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lakota-serve-stop"));
    PrintStream err = new PrintStream(lakota.invocation().err(), true, StandardCharsets.UTF_8);
    err.println("Serving " + server.uri() + " (" + String.join(", ", describe(mounts))
        + (readOnly ? "; read-only" : "") + ")");
    server.join();
    return 0;
  }

  private BearerTokens tokens() {
    BearerTokens tokens = BearerTokens.none();
    if (tokenFile != null) {
      tokens = tokens.and(BearerTokens.fromFile(tokenFile));
    }
    String variable = lakota.invocation().environment().get(BearerTokens.VARIABLE);
    if (variable != null && !variable.isBlank()) {
      tokens = tokens.and(BearerTokens.parse(variable));
    }
    return tokens;
  }

  private static List<String> describe(Mounts mounts) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Pod> mount : mounts.byPrefix().entrySet()) {
      lines.add((mount.getKey().isEmpty() ? "/" : mount.getKey()) + " = " + mount.getValue());
    }
    return lines;
  }
}
