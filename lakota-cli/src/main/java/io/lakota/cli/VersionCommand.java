package io.lakota.cli;

import io.lakota.LakotaVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lakota version}: prints the library version and the format it is compatible with. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(
        "lakota " + LakotaVersion.version() + " (Lakota " + LakotaVersion.FORMAT_COMPATIBILITY + " format)");
    return 0;
  }
}
