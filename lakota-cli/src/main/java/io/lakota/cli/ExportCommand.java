package io.lakota.cli;

import io.lakota.Repo;
import io.lakota.SeriesFormat;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lakota export URI [-c C]... [-T csv|parquet]}: writes collections as CSV or Parquet files (FORMAT.md §10). */
@Command(name = "export", description = "Export collections (default: all) to a folder or URI.")
final class ExportCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger("lakota");

  @ParentCommand Lakota lakota;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "URI", description = "Target folder or repository URI.")
  String uri;

  @Option(names = {"-c", "--collection"}, paramLabel = "C", description = "A collection to export (repeatable).")
  List<String> collections = new ArrayList<>();

  @Option(names = {"-T", "--file-type"}, paramLabel = "TYPE", defaultValue = "csv", description = "csv or parquet.")
  String fileType;

  @Override
  public Integer call() {
    if (!fileType.equals("csv") && !fileType.equals("parquet")) {
      throw new ParameterException(spec.commandLine(), "argument -T/--file-type: invalid choice: '" + fileType
          + "' (choose from 'csv', 'parquet')");
    }
    SeriesFormat format = SeriesFormats.of(fileType);
    Repo repo = lakota.repo();
    List<String> labels = collections.isEmpty() ? repo.ls() : collections;
    Pod target = Pods.fromUri(uri);
    try (Progress bar = lakota.progress("export", labels.size())) {
      for (String label : labels) {
        if (!repo.exportCollection(target, format, label)) {
          LOG.log(System.Logger.Level.WARNING, "Collection \"{0}\" not found, skipped", label);
        }
        bar.step();
      }
    }
    return 0;
  }
}
