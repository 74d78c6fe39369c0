package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.cli.text.CsvTable;
import io.lakota.cli.text.Table;
import io.lakota.internal.util.Json;
import io.lakota.storage.Pod;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes collections into a pod in the reference's export layout (FORMAT.md §10): {@code <collection>/_schema.json}
 * and one {@code <collection>/<series>.csv} per series, exactly as {@code lakota read} prints it. Files are
 * write-once: existing ones are left untouched.
 */
final class CollectionExport {
  private static final System.Logger LOG = System.getLogger("lakota");

  private CollectionExport() {}

  /**
   * Exports {@code labels} (every collection when empty); unknown labels are skipped with a warning.
   *
   * @param progress advanced once per collection
   */
  static void export(Repo repo, Pod target, List<String> labels, Progress progress) {
    for (String label : labels) {
      Collection c = repo.collection(label);
      if (c == null) {
        LOG.log(System.Logger.Level.WARNING, "Collection \"{0}\" not found, skipped", label);
        progress.step();
        continue;
      }
      target.write(label + "/_schema.json", Json.write(c.schema().dump()).getBytes(StandardCharsets.UTF_8));
      for (String s : c.ls()) {
        Frame frame = c.series(s).frame();
        Table table = FrameTables.table(frame, c.schema().names());
        StringBuilder csv = new StringBuilder();
        CsvTable.header(csv, table);
        CsvTable.rows(csv, table);
        target.write(label + "/" + s + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
      }
      progress.step();
    }
  }
}
