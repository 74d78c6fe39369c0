package io.lakota.cli;

import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakota merge} (CLI.md §4.7) on a copy of the golden repository's forked collection. */
class MergeCommandTest {
  @TempDir Path dir;

  @Test
  void mergesTheForkedCollection() throws IOException {
    Path repo = dir.resolve("golden_repo");
    GoldenRepositoryTest.copy(GoldenRepositoryTest.FIXTURE.resolve("golden_repo"), repo);
    String r = repo.toString();
    assertThat(ok(Cli.run("", "-r", r, "read", "forked/f")).out())
        .isEqualTo(Cli.csv("timestamp,value", "2,2.0", "3,3.0", "4,3.0", "5,3.0"));
    Cli.Result merge = ok(Cli.run("", "-r", r, "merge", "forked"));
    assertThat(merge.out()).isEmpty();
    assertThat(merge.err()).isEmpty();
    assertThat(ok(Cli.run("", "-r", r, "read", "forked/f")).out())
        .isEqualTo(Cli.csv("timestamp,value", "1,1.0", "2,2.0", "3,3.0", "4,3.0", "5,3.0"));
    // a second merge has nothing to do
    assertThat(ok(Cli.run("", "-r", r, "merge", "forked")).out()).isEmpty();
    assertThat(ok(Cli.run("", "-r", r, "rev", "forked")).out().split("Revision: ")).hasSize(6);
  }
}
