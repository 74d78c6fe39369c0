package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SLF4J calls (parquet-java's, Jetty's) become the command line's log lines, at the levels {@code -v} sets: the one
 * SLF4J binding on the class path is lakota-server's bridge to {@code System.Logger}.
 */
class Slf4jProviderTest {
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @AfterEach
  void reset() {
    CliLog.configure(0, System.err, () -> ZoneOffset.UTC);
  }

  private String log(int verbosity) {
    bytes.reset();
    CliLog.configure(verbosity, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> ZoneOffset.UTC);
    Logger logger = LoggerFactory.getLogger("org.apache.parquet.Example");
    logger.info("read {} rows from {}", 3, "x.parquet");
    logger.warn("odd {} '{}'", "file", "{0}");
    logger.debug("details");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bridgesToTheCommandLineLog() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .startsWith(io.lakota.server.logging.SystemLoggerProvider.class.getName());
    assertThat(log(0)).matches("WARNING:\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}: odd file '\\{0\\}'\n");
    assertThat(log(1).split("\n")).hasSize(2);
    assertThat(log(1)).contains(": read 3 rows from x.parquet\n");
    assertThat(log(2)).endsWith(": details\n");
  }
}
