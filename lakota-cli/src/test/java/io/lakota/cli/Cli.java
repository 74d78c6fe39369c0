package io.lakota.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * Runs the real command line in-process ({@link Lakota#execute(Invocation, String...)}) on a repository in a
 * temporary folder, in UTC, capturing stdout and stderr.
 */
final class Cli {
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Invocation io = new Invocation(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
        environment, ZoneId.of("UTC"), false);
    int code = Lakota.execute(io, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
