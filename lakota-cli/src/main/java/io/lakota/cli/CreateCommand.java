package io.lakota.cli;

import io.lakota.format.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lakota create LABEL "name definition"...}: creates a collection (CLI.md §4.5). */
@Command(name = "create", description = "Create a collection, e.g. create temperature \"timestamp timestamp*\" "
    + "\"value float\".")
final class CreateCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "LABEL", description = "The collection name.")
  String label;

  @Parameters(index = "1..*", paramLabel = "COLUMN", description = "\"name definition\" (SEMANTICS.md §3.1).")
  List<String> columns = new ArrayList<>();

  @Override
  public Integer call() {
    // the reference builds a dict of name → definition: a repeated name keeps its place and its last definition
    Map<String, String> definitions = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String[] parts = splitOnce(columns.get(i));
      if (parts.length != 2) {
        throw CliException.of("ValueError", "dictionary update sequence element #" + i + " has length "
            + parts.length + "; 2 is required");
      }
      definitions.put(parts[0], parts[1]);
    }
    Schema.Builder schema = Schema.builder();
    definitions.forEach(schema::column);
    lakota.repo().createCollection(schema.build(), label);
    return 0;
  }

  /** Python's {@code s.split(maxsplit=1)}: the first word and the rest, without surrounding whitespace. */
  static String[] splitOnce(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return new String[0];
    }
    int i = 0;
    while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
      i++;
    }
    if (i == t.length()) {
      return new String[] {t};
    }
    return new String[] {t.substring(0, i), t.substring(i).strip()};
  }
}
