package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakota serve} argument checks (CLI.md §4.13), which fail before any server starts. */
class ServeTest {
  @TempDir Path dir;

  @Test
  void theWebUriMustBeHttpOrHttpsWithAKeyStore() {
    assertThat(Cli.run("", "serve", "-w", "ftp://127.0.0.1:0", "/ memory://"))
        .isEqualTo(new Cli.Result(1, "", "ValueError: Incorrect web uri, it should start with 'http://'\n"));
    assertThat(Cli.run("", "serve", "-w", "http://127.0.0.1:0", "--keystore", dir.resolve("k.p12").toString(),
        "/ memory://"))
        .isEqualTo(new Cli.Result(1, "",
            "ValueError: Incorrect web uri, it should start with 'https://' with --keystore\n"));
    assertThat(Cli.run("", "serve", "-w", "https://127.0.0.1:0", "--keystore", dir.resolve("k.p12").toString(),
        "/ memory://"))
        .isEqualTo(new Cli.Result(1, "",
            "ValueError: --keystore needs the key store password in $LAKOTA_KEYSTORE_PASSWORD\n"));
  }

  @Test
  void eachRepoMapNeedsAUri() {
    assertThat(Cli.run("", "serve", "-w", "http://127.0.0.1:0", "repo"))
        .isEqualTo(new Cli.Result(1, "", "ValueError: Missing uri in repo-map argument\n"));
  }

  @Test
  void aNonLoopbackAddressNeedsTokens() {
    assertThat(Cli.run("", Map.of(), "serve", "-w", "http://0.0.0.0:0", "/ memory://").err())
        .isEqualTo("ValueError: Cannot serve on 0.0.0.0: a non-loopback address needs bearer tokens "
            + "(--token-file or LAKOTA_SERVE_TOKENS)\n");
    assertThat(Cli.run("", Map.of(), "serve", "-w", "http://127.0.0.1:0", "--token-file",
        dir.resolve("missing").toString(), "/ memory://").err())
        .startsWith("ValueError: Cannot read the token file " + dir.resolve("missing"));
  }
}
