package io.lakota.cli;

import io.lakota.Repo;
import io.lakota.SeriesFormat;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lakota import URI [-c C]...}: loads collections exported by {@code export}, CSV or Parquet files (FORMAT.md §10). */
@Command(name = "import", description = "Import collections (default: all) from a folder or URI.")
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "URI", description = "Source folder or repository URI.")
  String uri;

  @Option(names = {"-c", "--collection"}, paramLabel = "C", description = "A collection to import (repeatable).")
  List<String> collections = new ArrayList<>();

  @Override
  public Integer call() {
    Pod source = Pods.fromUri(uri);
    List<String> folders = Repo.exportedCollections(source);
    if (!collections.isEmpty()) {
      folders.retainAll(new HashSet<>(collections));
    }
    if (folders.isEmpty()) {
      // an empty list would mean "every collection" to importCollections
      return 0;
    }
    try (Progress bar = lakota.progress("import", folders.size())) {
      lakota.repo().importCollections(source, folders, label -> bar.step(),
          SeriesFormats.all().toArray(new SeriesFormat[0]));
    }
    return 0;
  }
}
