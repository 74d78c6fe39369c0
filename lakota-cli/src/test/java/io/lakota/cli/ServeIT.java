package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lakota serve} as a process, used by {@code bin/lakota -r http://…}: the launcher's class path carries
 * the server, tokens come from the environment, {@code --read-only} refuses writes.
 */
class ServeIT {
  private static final String TOKEN = "cli-token-0123456789abcdef";

  @TempDir Path dir;

  private Process start(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LauncherIT.LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("LAKOTA_REPO");
    pb.environment().putAll(env);
    return pb.start();
  }

  private LauncherIT.Run run(Map<String, String> env, String stdin, String... args) throws Exception {
    Process p = start(env, args);
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new LauncherIT.Run(p.exitValue(), out, err);
  }

  @Test
  void servesARepositoryToTheHttpBackend() throws Exception {
    assertThat(run(Map.of(), "", "-r", "file:///repo", "create", "t", "k int*", "v float").code()).isZero();
    Process server = start(Map.of("LAKOTA_SERVE_TOKENS", TOKEN), "serve", "-w", "http://127.0.0.1:0/base",
        "/ file:///repo", "ro file:///repo");
    try {
      String line = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))
          .readLine();
      Matcher m = Pattern.compile("Serving http://127\\.0\\.0\\.1:(\\d+)/base/ \\(/base = .*repo, /base/ro = .*\\)")
          .matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      String url = "http://127.0.0.1:" + m.group(1) + "/base";
      Map<String, String> client = Map.of("LAKOTA_HTTP_TOKEN", TOKEN);
      assertThat(run(client, "k,v\n1,0.5\n2,1.5\n", "-r", url, "write", "t/s").code()).isZero();
      assertThat(run(client, "", "-r", url + "/ro", "read", "t/s"))
          .isEqualTo(new LauncherIT.Run(0, "k,v\r\n1,0.5\r\n2,1.5\r\n", ""));
      LauncherIT.Run refused = run(Map.of(), "", "-r", url, "ls");
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).isEqualTo("OSError: Cannot list .: http://127.0.0.1:"
          + m.group(1) + " answered 401 (A bearer token is required)\n");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
