package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code bin/lakota} launcher (the packaged jar, its class-data-sharing archive, the JVM options) as
 * a subprocess in a temporary working directory, run by failsafe after {@code package}.
 */
class LauncherIT {
  static final Path LAUNCHER = Path.of("..", "bin", "lakota").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run lakota(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("LAKOTA_REPO");
    pb.environment().putAll(env);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  private Run lakota(String... args) throws IOException, InterruptedException {
    return lakota("", Map.of(), args);
  }

  @Test
  void exportsAndImportsParquetWithNothingOnStderr() throws Exception {
    assertThat(lakota("create", "temperature", "timestamp timestamp*", "value float").code()).isZero();
    assertThat(lakota(Walkthrough.INPUT, Map.of(), "write", "temperature/Brussels").code()).isZero();
    assertThat(lakota("export", "exp", "-T", "parquet")).isEqualTo(new Run(0, "", ""));
    assertThat(Files.isRegularFile(dir.resolve("exp/temperature/Brussels.parquet"))).isTrue();
    assertThat(lakota("-r", "other", "import", "exp")).isEqualTo(new Run(0, "", ""));
    assertThat(lakota("-r", "other", "read", "temperature/Brussels").out())
        .isEqualTo(lakota("read", "temperature/Brussels").out());
  }

  @Test
  void worksOnTheDefaultRepositoryOfTheWorkingDirectory() throws Exception {
    assertThat(lakota("create", "temperature", "timestamp timestamp*", "value float").code()).isZero();
    assertThat(lakota(Walkthrough.INPUT, Map.of(), "write", "temperature/Brussels").code()).isZero();
    assertThat(Files.isDirectory(dir.resolve(".lakota"))).isTrue();
    Run read = lakota("read", "temperature/Brussels", "-l", "2");
    assertThat(read).isEqualTo(new Run(0, "timestamp,value\r\n2020-06-22T00:00:00,25.0\r\n"
        + "2020-06-23T00:00:00,24.0\r\n", ""));
    assertThat(lakota("-P", "read", "temp/Bru", "(floor self.timestamp 'M')", "(sum self.value)").out())
        .isEqualTo("(floor self.timestamp 'M')      (sum self.value)\n"
            + "----------------------------  ------------------\n"
            + "2020-06                                      169\n");
    assertThat(Files.exists(LAUNCHER.getParent().resolve("../lakota-cli/target/lakota-cli.jsa").normalize()))
        .isTrue();
  }

  @Test
  void usesLakotaRepoAndReportsErrorsOnOneLine() throws Exception {
    Path repo = dir.resolve("elsewhere");
    Map<String, String> env = Map.of("LAKOTA_REPO", repo.toString());
    assertThat(lakota("", env, "create", "t", "k int*").code()).isZero();
    assertThat(lakota("", env, "ls").out()).isEqualTo("collection\r\nt\r\n");
    assertThat(lakota("", env, "read", "t/x")).isEqualTo(new Run(1, "", "Series 't/x' not found\n"));
    assertThat(lakota("k\n2\n1\n", env, "write", "t/x"))
        .isEqualTo(new Run(1, "", "AssertionError: Frame is not sorted!\n"));
    Run usage = lakota("", env, "bogus");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).endsWith("lakota: error: argument COMMAND: invalid choice: 'bogus'\n");
    assertThat(lakota("", env, "gc")).isEqualTo(new Run(0, "0 segments deleted\n", ""));
  }

  @Test
  void readsTheGoldenRepository() throws Exception {
    Path repo = dir.resolve("golden_repo");
    GoldenRepositoryTest.copy(GoldenRepositoryTest.FIXTURE.resolve("golden_repo").toAbsolutePath(), repo);
    Run ls = lakota("-r", repo.toString(), "ls");
    assertThat(ls.out()).isEqualTo("collection\r\nforked\r\nkv\r\nmerged\r\nmulti\r\ntemperature\r\n");
    assertThat(lakota("-r", repo.toString(), "read", "multi/m").out()).isEqualTo(
        "timestamp,version,value,note\r\n2021-01-01T00:00:00,1,1.5,a\r\n2021-01-01T00:00:00,2,2.5,bé\r\n"
            + "2021-01-02T00:00:00,1,3.5,c😀\r\n2021-01-02T00:00:00,2,4.5,d\r\n2021-01-03T00:00:00,1,5.5,\r\n");
    assertThat(lakota("-r", repo.toString(), "len", "temperature/Paris").out()).isEqualTo("2000\n");
    int checked = 0;
    for (Map.Entry<?, ?> c : ((Map<?, ?>) GoldenRepositoryTest.expected().get("collections")).entrySet()) {
      for (Map.Entry<?, ?> s : ((Map<?, ?>) ((Map<?, ?>) c.getValue()).get("series")).entrySet()) {
        Run r = lakota("-r", repo.toString(), "read", c.getKey() + "/" + s.getKey());
        assertThat(r).isEqualTo(new Run(0, GoldenRepositoryTest.csv((Map<?, ?>) s.getValue()), ""));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void stopsQuietlyWhenTheReaderGoesAway() throws Exception {
    StringBuilder csv = new StringBuilder("k,v\n");
    for (int i = 0; i < 200_000; i++) {
      csv.append(i).append(',').append(i * 0.5).append('\n');
    }
    assertThat(lakota("", Map.of(), "-r", "repo", "create", "big", "k int*", "v float").code()).isZero();
    assertThat(lakota(csv.toString(), Map.of(), "-r", "repo", "write", "big/b").code()).isZero();
    Process p = new ProcessBuilder(LAUNCHER.toString(), "-r", "repo", "read", "big/b", "-p", "1000")
        .directory(dir.toFile()).start();
    p.getOutputStream().close();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).isEqualTo("k,v");
    }
    InputStream err = p.getErrorStream();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(err.readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    assertThat(p.exitValue()).isZero();
  }
}
