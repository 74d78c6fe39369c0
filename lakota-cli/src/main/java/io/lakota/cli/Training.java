package io.lakota.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A representative session of commands, run in-process on a throw-away repository so that the JVM loads the classes
 * the command line uses. {@code bin/lakota} runs it once after each build with {@code -XX:ArchiveClassesAtExit} to
 * create the class-data-sharing archive that makes every later start faster. Prints nothing; exit status 0 when
 * every command behaved.
 */
public final class Training {
  private static final String CSV = "timestamp,value\n2020-06-22,25\n2020-06-23,24.2\n2020-06-24,27.9\n";

  private Training() {}

  public static void main(String[] args) throws IOException {
    // the launcher's first step too: its classes belong in the archive
    Interrupts.exitQuietly();
    Path dir = Files.createTempDirectory("lakota-training");
    int failures = 0;
    try {
      String repo = dir.resolve("repo").toString();
      String export = dir.resolve("export").toString();
      failures += run(0, CSV, "-r", repo, "create", "temperature", "timestamp timestamp*", "value float");
      failures += run(0, CSV, "-r", repo, "write", "temperature/Brussels");
      failures += run(0, "", "-r", repo, "read", "temperature/Brussels");
      failures += run(0, "", "-r", repo, "-P", "read", "temperature/Bru", "--gt", "2020-06-23", "-c", "b", "-p", "2");
      failures += run(0, "", "-r", repo, "read", "temperature/Brussels", "-m", "(< self.value 28)", "-t", "2");
      failures += run(0, "", "-r", repo, "read", "temperature/Brussels", "(floor self.timestamp 'M')",
          "(sum self.value)", "(last self.timestamp)");
      failures += run(0, "", "-r", repo, "-t", "-m", "len", "temperature");
      failures += run(0, "", "-r", repo, "-P", "ls");
      failures += run(0, "", "-r", repo, "rev", "temperature", "-ee");
      failures += run(0, "", "-r", repo, "export", export);
      failures += run(0, "", "-r", repo + "2", "import", export);
      failures += run(0, "", "-r", repo, "delete", "temperature/Brussels");
      failures += run(1, "", "-r", repo, "read", "nope/x");
      failures += run(2, "", "-r", repo, "read");
      failures += run(0, "", "version");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  private static int run(int expected, String stdin, String... args) {
    Invocation io = new Invocation(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of(), ZoneId.of("UTC"), false);
    try {
      return Lakota.execute(io, args) == expected ? 0 : 1;
    } catch (UncheckedIOException e) {
      return 1;
    }
  }
}
