package io.lakota.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real command line in-process ({@link Lakota#execute(Invocation, String...)}), or through {@code bin/lakota}
 * when {@code lakota.launcher} is set, on a repository in a temporary folder, in UTC, capturing stdout and stderr.
 */
final class Cli {
  /** The launcher to run instead of the in-process command line, or null (see {@link #launch}). */
  static final String LAUNCHER = System.getProperty("lakota.launcher");

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    /** stdout with CRLF turned into LF, for comparing multi-line outputs. */
    String text() {
      return out.replace("\r\n", "\n");
    }
  }

  final Path dir;
  final String repo;

  Cli(Path dir) {
    this.dir = dir;
    this.repo = dir.resolve("repo").toString();
  }

  /** {@code lakota -r <repo> args…} with an empty stdin. */
  Result lakota(String... args) {
    return lakotaWithInput("", args);
  }

  /** {@code lakota -r <repo> args…} with {@code stdin}. */
  Result lakotaWithInput(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("-r", repo));
    all.addAll(List.of(args));
    return run(stdin, all.toArray(new String[0]));
  }

  /** {@code lakota args…} exactly as given. */
  static Result run(String stdin, String... args) {
    return run(stdin, Map.of(), args);
  }

  /** {@code lakota args…} exactly as given, with environment variables. */
  static Result run(String stdin, Map<String, String> environment, String... args) {
    if (LAUNCHER != null) {
      return launch(stdin, environment, args);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Invocation io = new Invocation(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
        environment, ZoneId.of("UTC"), false);
    int code = Lakota.execute(io, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The same through the real {@code bin/lakota} launcher in a subprocess (the packaged jars, the JVM options, the
   * class-data-sharing archive), in UTC: failsafe's {@code launcher} execution sets {@code lakota.launcher} and runs
   * the CLI.md walkthrough, history and error suites again this way.
   */
  private static Result launch(String stdin, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("LAKOTA_REPO");
    pb.environment().put("TZ", "UTC");
    pb.environment().putAll(environment);
    try {
      Process p = pb.start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the command exited without reading its input: its output says why
      }
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("bin/lakota " + String.join(" ", args) + " did not finish in 120 s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the repository with the SHA-1 of its content: equal snapshots mean an unchanged repository. */
  Map<String, String> snapshot() {
    Map<String, String> files = new TreeMap<>();
    Path root = Path.of(repo);
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(root.relativize(p).toString(),
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(p))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** CRLF-terminated CSV from LF-separated lines. */
  static String csv(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  /** LF-terminated text from lines. */
  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
