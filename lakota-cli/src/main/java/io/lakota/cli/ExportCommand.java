package io.lakota.cli;

import io.lakota.Repo;
import io.lakota.storage.Pods;
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

/** {@code lakota export URI [-c C]... [-T csv|parquet]}: writes collections as CSV files (FORMAT.md §10). */
@Command(name = "export", description = "Export collections (default: all) to a folder or URI.")
final class ExportCommand implements Callable<Integer> {
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
    if (fileType.equals("parquet")) {
      throw CliException.of("ValueError", "Unsupported file type \"parquet\"");
    }
    Repo repo = lakota.repo();
    List<String> labels = collections.isEmpty() ? repo.ls() : collections;
    try (Progress bar = lakota.progress("export", labels.size())) {
      CollectionExport.export(repo, Pods.fromUri(uri), labels, bar);
    }
    return 0;
  }
}
