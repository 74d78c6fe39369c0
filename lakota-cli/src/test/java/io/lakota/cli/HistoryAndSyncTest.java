package io.lakota.cli;

import static io.lakota.cli.Cli.csv;
import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI-8 and CLI-9, and the gc part of CLI-6, against CLI.md's expected outputs.
 */
class HistoryAndSyncTest {
  @TempDir Path dir;

  /** CLI-8. */
  @Test
  void pullsAndMergesAnotherRepository() throws InterruptedException {
    Cli a = new Cli(dir.resolve("a"));
    Cli b = new Cli(dir.resolve("b"));
    ok(a.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    ok(a.lakotaWithInput(Walkthrough.INPUT, "write", "temperature/Brussels"));
    Thread.sleep(50);
    ok(b.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    ok(b.lakotaWithInput(Walkthrough.CORRECTED, "write", "temperature/Brussels"));
    ok(a.lakota("pull", b.repo));
    String rev = ok(a.lakota("rev", "temperature")).out();
    assertThat(rev).containsPattern("Revision: 0{11}-0{40}\\.[0-9a-f]{11}-[0-9a-f]{40}\\*\n(.|\n)*"
        + "Revision: 0{11}-0{40}\\.[0-9a-f]{11}-[0-9a-f]{40}\\*\n");
    assertThat(ok(a.lakota("read", "temperature/Brussels")).out()).isEqualTo(csv("timestamp,value",
        "2020-06-23T00:00:00,24.2", "2020-06-24T00:00:00,27.9", "2020-06-25T00:00:00,31.0",
        "2020-06-26T00:00:00,32.5", "2020-06-27T00:00:00,30.1", "2020-06-28T00:00:00,29.2"));
    ok(a.lakota("merge", "temperature"));
    assertThat(ok(a.lakota("read", "temperature/Brussels")).out()).isEqualTo(csv("timestamp,value",
        "2020-06-22T00:00:00,25.0", "2020-06-23T00:00:00,24.2", "2020-06-24T00:00:00,27.9",
        "2020-06-25T00:00:00,31.0", "2020-06-26T00:00:00,32.5", "2020-06-27T00:00:00,30.1",
        "2020-06-28T00:00:00,29.2"));
  }

  /** CLI-8 up to the merge: both root revisions are leaves, the branch created last (B's) is read. */
  @Test
  void pullsAnotherRepository() throws InterruptedException {
    Cli a = new Cli(dir.resolve("a"));
    Cli b = new Cli(dir.resolve("b"));
    ok(a.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    ok(a.lakotaWithInput(Walkthrough.INPUT, "write", "temperature/Brussels"));
    Thread.sleep(50);
    ok(b.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    ok(b.lakotaWithInput(Walkthrough.CORRECTED, "write", "temperature/Brussels"));
    assertThat(ok(a.lakota("pull", b.repo)).out()).isEmpty();
    String rev = ok(a.lakota("rev", "temperature")).out();
    assertThat(rev).containsPattern("Revision: 0{11}-0{40}\\.[0-9a-f]{11}-[0-9a-f]{40}\\*\n(.|\n)*"
        + "Revision: 0{11}-0{40}\\.[0-9a-f]{11}-[0-9a-f]{40}\\*\n");
    assertThat(ok(a.lakota("read", "temperature/Brussels")).out()).isEqualTo(csv("timestamp,value",
        "2020-06-23T00:00:00,24.2", "2020-06-24T00:00:00,27.9", "2020-06-25T00:00:00,31.0",
        "2020-06-26T00:00:00,32.5", "2020-06-27T00:00:00,30.1", "2020-06-28T00:00:00,29.2"));
    assertThat(ok(a.lakota("ls")).out()).isEqualTo(csv("collection", "temperature"));
    // a second pull copies nothing and changes nothing
    ok(a.lakota("pull", b.repo, "temperature", "-s"));
    assertThat(ok(a.lakota("rev", "temperature")).out()).isEqualTo(rev);
  }

  /** CLI-8, push direction: the remote receives the collection. */
  @Test
  void pushesToAnotherRepository() {
    Cli a = new Cli(dir.resolve("a"));
    Cli b = new Cli(dir.resolve("b"));
    Walkthrough.temperature(a);
    ok(a.lakota("push", b.repo, "temperature"));
    assertThat(ok(b.lakota("read", "temperature/Brussels")).out())
        .isEqualTo(ok(a.lakota("read", "temperature/Brussels")).out());
  }

  /** CLI-9. */
  @Test
  void defragmentsAndTrims() {
    Cli cli = new Cli(dir);
    Walkthrough.temperature(cli);
    String before = ok(cli.lakota("read", "temperature/Brussels")).out();
    ok(cli.lakota("defrag", "temperature"));
    assertThat(ok(cli.lakota("rev", "temperature")).out().split("Revision: ")).hasSize(3);
    ok(cli.lakota("trim", "-b", "2100-01-01", "temperature"));
    assertThat(ok(cli.lakota("rev", "temperature")).out().split("Revision: ")).hasSize(2);
    assertThat(ok(cli.lakota("read", "temperature/Brussels")).out()).isEqualTo(before);
  }

  /** CLI-6, gc part. */
  @Test
  void collectsGarbage() {
    Cli cli = new Cli(dir);
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("gc")).out()).isEqualTo("0 segments deleted\n");
    assertThat(ok(cli.lakota("gc", "--dry-run")).out())
        .isEqualTo("0 segments would be deleted\n0 would be buried\n0 would be restored\n");
  }
}
