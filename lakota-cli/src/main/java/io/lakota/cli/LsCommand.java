package io.lakota.cli;

import io.lakota.Repo;
import io.lakota.cli.text.CsvTable;
import io.lakota.cli.text.PrettyTable;
import io.lakota.cli.text.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lakota ls [COLLECTION]}: the collections, or the series of one collection (CLI.md §4.4). */
@Command(name = "ls", description = "List collections, or the series of a collection.")
final class LsCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "COLLECTION", description = "A collection (or prefix).")
  String collection;

  @Override
  public Integer call() {
    Repo repo = lakota.repo();
    Table table = collection == null
        ? Table.ofStrings("collection", repo.ls())
        : Table.ofStrings("series", Names.collection(repo, collection).ls());
    StringBuilder out = new StringBuilder();
    if (lakota.pretty()) {
      out.append(PrettyTable.render(table));
    } else {
      CsvTable.header(out, table);
      CsvTable.rows(out, table);
    }
    lakota.out().append(out);
    return 0;
  }
}
